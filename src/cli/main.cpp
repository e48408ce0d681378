// Placeholder entry point; replaced by the command registry.
int main() { return 0; }
