# Shared helpers for the set-up and test scripts: messages, and installing what is missing.
# Everything comes from Debian's packages or the npm registry; nothing else is downloaded.

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31mfootprint: %s\033[0m\n' "$*" >&2; exit 1; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages the project needs, and the command or file that shows each is there.
DEB_PACKAGES=(
  "cmake:/usr/bin/cmake"
  "ninja-build:/usr/bin/ninja"
  "g++:/usr/bin/g++"
  "emscripten:/usr/bin/emcc"
  "binaryen:/usr/bin/wasm-opt"
  "nlohmann-json3-dev:/usr/include/nlohmann/json.hpp"
  "doctest-dev:/usr/include/doctest/doctest.h"
  "fonts-inter:/usr/share/fonts/opentype/inter/Inter-Regular.otf"
  "fonts-fork-awesome:/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf"
  "chromium:/usr/bin/chromium"
  "nodejs:/usr/bin/node"
  "npm:/usr/bin/npm"
  "clang-14:/usr/bin/clang++-14"
  "libclang-rt-14-dev:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a"
  "python3-icalendar:/usr/lib/python3/dist-packages/icalendar/__init__.py"
  "dpkg-dev:/usr/bin/dpkg-source"
  "xz-utils:/usr/bin/xz"
  "zlib1g-dev:/usr/include/zlib.h"
  "libxxhash-dev:/usr/include/xxhash.h"
)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_update_once() {
  [ "$apt_updated" = 1 ] && return 0
  say "apt-get update"
  as_root apt-get update -qq || die "apt-get update failed: check the machine's Debian sources"
  apt_updated=1
}

install_debian_packages() {
  local missing=() entry pkg probe
  for entry in "${DEB_PACKAGES[@]}"; do
    pkg="${entry%%:*}"; probe="${entry#*:}"
    # npm and nodejs may come from another source (nodesource): any working binary will do.
    if [ -e "$probe" ] || { [ "$pkg" = npm ] && command -v npm >/dev/null; }; then continue; fi
    missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  apt_update_once
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "could not install ${missing[*]} with 'apt-get install'; install them by hand and re-run"
  for entry in "${DEB_PACKAGES[@]}"; do
    pkg="${entry%%:*}"; probe="${entry#*:}"
    if [ ! -e "$probe" ] && ! { [ "$pkg" = npm ] && command -v npm >/dev/null; }; then
      die "package $pkg was installed but $probe is still missing"
    fi
  done
}

# Dear ImGui from Debian's 'imgui' source package (1.90.1 in Debian 13's sources, preferred over
# Debian 12's 1.86). Adds a deb-src entry for trixie when no source entry offers it.
IMGUI_DIR="$ROOT/third_party/imgui"
fetch_imgui() {
  [ -f "$IMGUI_DIR/imgui.cpp" ] && [ -f "$IMGUI_DIR/backends/imgui_impl_glfw.cpp" ] && return 0
  local src_list=/etc/apt/sources.list.d/footprint-imgui-src.sources
  if ! apt-cache showsrc imgui 2>/dev/null | grep -q '^Version: 1\.9'; then
    say "adding a deb-src entry for Debian 13 (trixie) to get imgui 1.90 sources"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      | as_root tee "$src_list" >/dev/null
    apt_updated=0; apt_update_once
  fi
  local version
  version=$(apt-cache showsrc imgui | awk '/^Version: 1\.9/ {print $2}' | sort -V | tail -n 1)
  [ -n "$version" ] || die "no imgui 1.9x source package found (apt-get source imgui); check $src_list"
  say "fetching Dear ImGui $version with apt-get source"
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source --download-only -qq "imgui=$version" >/dev/null 2>&1) \
    || die "apt-get source imgui=$version failed"
  local orig; orig=$(ls "$tmp"/imgui_*.orig.tar.* 2>/dev/null | head -n 1)
  [ -n "$orig" ] || die "the imgui source package had no .orig tarball"
  rm -rf "$IMGUI_DIR"; mkdir -p "$IMGUI_DIR"
  tar -xf "$orig" -C "$IMGUI_DIR" --strip-components=1 || die "could not unpack $orig"
  rm -rf "$tmp"
  [ -f "$IMGUI_DIR/imgui.cpp" ] || die "imgui.cpp missing after unpacking $orig"
}

# zlib for the web build, from Debian's 'zlib' source package (the native build links Debian's
# zlib1g-dev). Compresses the plan snapshots kept in the browser's storage. Uses the same deb-src
# entry as fetch_imgui (call that first).
ZLIB_DIR="$ROOT/third_party/zlib"
fetch_zlib() {
  [ -f "$ZLIB_DIR/inflate.c" ] && [ -f "$ZLIB_DIR/zconf.h" ] && return 0
  local version
  version=$(apt-cache showsrc zlib 2>/dev/null | awk '/^Version: / {print $2}' | sort -V | tail -n 1)
  if [ -z "$version" ]; then
    say "adding a deb-src entry for Debian 13 (trixie) to get zlib sources"
    printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      | as_root tee /etc/apt/sources.list.d/footprint-imgui-src.sources >/dev/null
    apt_updated=0; apt_update_once
    version=$(apt-cache showsrc zlib 2>/dev/null | awk '/^Version: / {print $2}' | sort -V | tail -n 1)
  fi
  [ -n "$version" ] || die "no zlib source package found (apt-get source zlib); check the deb-src entries"
  say "fetching zlib $version with apt-get source"
  local tmp; tmp=$(mktemp -d)
  # A security update's .dsc may be missing from the mirror; any version's .orig tarball will do.
  for v in $(apt-cache showsrc zlib | awk '/^Version: / {print $2}' | sort -Vr); do
    (cd "$tmp" && apt-get source --download-only -qq "zlib=$v" >/dev/null 2>&1)
    ls "$tmp"/zlib_*.orig.tar.* >/dev/null 2>&1 && break
  done
  local orig; orig=$(ls "$tmp"/zlib_*.orig.tar.* 2>/dev/null | head -n 1)
  [ -n "$orig" ] || die "apt-get source zlib failed"
  rm -rf "$ZLIB_DIR"; mkdir -p "$ZLIB_DIR"
  tar -xf "$orig" -C "$ZLIB_DIR" --strip-components=1 || die "could not unpack $orig"
  rm -rf "$tmp"
  [ -f "$ZLIB_DIR/inflate.c" ] || die "inflate.c missing after unpacking $orig"
}

install_npm_packages() {
  if [ -d "$ROOT/node_modules/playwright-core" ] && [ -d "$ROOT/node_modules/us-atlas" ] &&
     [ "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package-lock.json" ]; then
    return 0
  fi
  say "installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) \
    || die "npm ci failed: the npm registry must be reachable"
}

# Emscripten's JS optimizer needs Debian's acorn module.
export NODE_PATH=/usr/share/nodejs

build_native() {
  say "building native (core, CLI, unit tests)"
  cmake --preset native-debug >/dev/null || die "cmake configure (native-debug) failed"
  cmake --build --preset native-debug || die "native build failed"
}

build_web() {
  say "building the web app (Emscripten)"
  cmake --preset wasm-release >/dev/null || die "cmake configure (wasm-release) failed"
  cmake --build --preset wasm-release || die "web build failed"
}
