// The import driver: phases and slices, reading typed values from a row, rejections, date column
// statistics, the rejected-rows file and the command label.
#include "core/csv_import_detail.h"

#include "core/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace footprint::core {

// --- small helpers ------------------------------------------------------------------------------

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string salesforce_key(std::string_view id) {
    id = trim_value(id);
    return std::string(id.size() == 18 ? id.substr(0, 15) : id);
}

std::string name_key(std::string_view name) {
    std::string k;
    k.reserve(name.size());
    for (char c : name) {
        if (c >= 'A' && c <= 'Z')
            k += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 static_cast<unsigned char>(c) >= 0x80)
            k += c;
        else if (c == '&')
            k += "and";
        else if (!k.empty() && k.back() != ' ')
            k += ' ';
    }
    // "Inc.", "LLC" and friends differ between a CRM and a billing system; they do not name a
    // different company.
    static constexpr std::string_view kSuffixes[] = {
        "inc",     "llc",          "ltd", "corp", "corporation", "co",
        "company", "incorporated", "lp",  "llp",  "pc",          "pllc"};
    for (;;) {
        while (!k.empty() && k.back() == ' ')
            k.pop_back();
        const std::size_t sp = k.rfind(' ');
        if (sp == std::string::npos) break;
        const std::string_view last = std::string_view(k).substr(sp + 1);
        bool suffix = false;
        for (std::string_view s : kSuffixes)
            suffix = suffix || last == s;
        if (!suffix) break;
        k.resize(sp);
    }
    std::string out;
    for (char c : k)
        if (c != ' ') out += c;
    return out;
}

std::string zip_key(std::string_view postal) {
    std::string k;
    for (char c : postal) {
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
            k += c;
        else if (c >= 'a' && c <= 'z')
            k += static_cast<char>(c - 'a' + 'A');
        else if (c == '-' && k.size() == 5)
            break; // ZIP+4
    }
    return k;
}

std::string quote_value(std::string_view v) {
    std::string s(v.substr(0, 60));
    if (v.size() > 60) s += "\xE2\x80\xA6";
    return "\"" + s + "\"";
}

std::string count_text(int n, const char* one, const char* many) {
    return format_count(n) + " " + (n == 1 ? one : many);
}

std::uint64_t KeyMap::hash(std::string_view a, std::string_view b) {
    std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a, with a separator between the parts
    for (char c : a) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    h ^= 0x1f;
    h *= 0x100000001b3ull;
    for (char c : b) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    return h == 0 ? 1 : h;
}

void KeyMap::reserve(std::size_t n) {
    std::size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    if (cap <= keys_.size()) return;
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<RecordRef> old_values = std::move(values_);
    keys_.assign(cap, 0);
    values_.assign(cap, 0);
    size_ = 0;
    for (std::size_t i = 0; i < old_keys.size(); ++i)
        if (old_keys[i]) try_emplace(old_keys[i], old_values[i]);
}

void KeyMap::grow() {
    reserve(std::max<std::size_t>(size_ + 1, keys_.size()));
}

std::pair<RecordRef*, bool> KeyMap::try_emplace(std::uint64_t key, RecordRef value) {
    if ((size_ + 1) * 2 > keys_.size()) grow();
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = (key ^ (key >> 29)) & mask;; i = (i + 1) & mask) {
        if (keys_[i] == key) return {&values_[i], false};
        if (keys_[i] == 0) {
            keys_[i] = key;
            values_[i] = value;
            ++size_;
            return {&values_[i], true};
        }
    }
}

const RecordRef* KeyMap::find(std::uint64_t key) const {
    if (keys_.empty()) return nullptr;
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = (key ^ (key >> 29)) & mask;; i = (i + 1) & mask) {
        if (keys_[i] == key) return &values_[i];
        if (keys_[i] == 0) return nullptr;
    }
}

// --- the driver ---------------------------------------------------------------------------------

CsvImporter::CsvImporter(const Plan& plan, const CsvTable& table, ImportOptions options,
                         IdMaker make_id)
    : impl_(std::make_unique<Impl>(plan, table, std::move(options), std::move(make_id))) {
    Impl& m = *impl_;
    m.column_of.fill(-1);
    m.opt.mapping.resize(table.header.size(), ImportField::None);
    for (std::size_t c = 0; c < m.opt.mapping.size(); ++c) {
        const auto f = static_cast<std::size_t>(m.opt.mapping[c]);
        if (m.opt.mapping[c] != ImportField::None && m.column_of[f] < 0)
            m.column_of[f] = static_cast<int>(c);
    }
    // Date order per column: the user's answer, else what the values show, else month first.
    std::vector<DateColumnStats> stats;
    if (m.opt.date_orders.size() < table.header.size()) {
        scan_date_columns(table, m.opt.kind, m.opt.mapping, 0, table.rows.size(), stats);
    }
    m.order_of_column.assign(table.header.size(), DateOrder::MonthDay);
    m.opt.date_orders.resize(table.header.size());
    for (std::size_t c = 0; c < table.header.size(); ++c)
        if (m.opt.date_orders[c]) m.order_of_column[c] = *m.opt.date_orders[c];
    for (const DateColumnStats& s : stats)
        if (!m.opt.date_orders[s.column] && s.evident()) m.order_of_column[s.column] = *s.evident();
    m.stages = plan.stages;
    const std::size_t n = plan.accounts.size() + table.rows.size();
    for (KeyMap* k :
         {&m.acc_by_sfid, &m.acc_by_id, &m.acc_by_billing, &m.acc_by_name_zip, &m.acc_by_name})
        k->reserve(n);
    if (m.opt.kind == ImportKind::Opportunities)
        for (KeyMap* k : {&m.opp_by_sfid, &m.opp_by_id, &m.opp_by_account_name})
            k->reserve(plan.opportunities.size() + table.rows.size());
    m.opt.default_term_months = std::clamp(m.opt.default_term_months, 0, 600);
    // Rows become records here: growing these by doubling would move every record again.
    if (m.opt.kind == ImportKind::Accounts) m.account_slots.reserve(table.rows.size());
    if (m.opt.kind == ImportKind::Opportunities) m.opp_slots.reserve(table.rows.size());
    m.summary.account_ids.reserve(table.rows.size());
}

CsvImporter::~CsvImporter() = default;

bool CsvImporter::done() const {
    return impl_->phase == Impl::Phase::Done;
}

const ImportSummary& CsvImporter::summary() const {
    return impl_->summary;
}

double CsvImporter::progress() const {
    const Impl& m = *impl_;
    const double index_total =
        static_cast<double>(m.plan.accounts.size() + m.plan.opportunities.size());
    const double rows = static_cast<double>(m.table.rows.size());
    const double total = index_total * 0.25 + rows;
    if (total <= 0) return m.phase == Impl::Phase::Done ? 1.0 : 0.0;
    switch (m.phase) {
    case Impl::Phase::IndexAccounts:
        return 0.25 * static_cast<double>(m.cursor) / total;
    case Impl::Phase::IndexOpportunities:
        return 0.25 * static_cast<double>(m.plan.accounts.size() + m.cursor) / total;
    case Impl::Phase::Rows:
        return (0.25 * index_total + static_cast<double>(m.cursor)) / total;
    case Impl::Phase::Done:
        return 1.0;
    }
    return 1.0;
}

bool CsvImporter::step(std::size_t budget) {
    Impl& m = *impl_;
    budget = std::max<std::size_t>(budget, 1);
    switch (m.phase) {
    case Impl::Phase::IndexAccounts: {
        // Indexing a record is cheaper than reading a row: four per unit of budget.
        const std::size_t end = std::min(m.plan.accounts.size(), m.cursor + budget * 4);
        for (; m.cursor < end; ++m.cursor)
            m.index_account(m.cursor);
        if (m.cursor >= m.plan.accounts.size()) {
            m.cursor = 0;
            m.phase = m.opt.kind == ImportKind::Opportunities ? Impl::Phase::IndexOpportunities
                                                              : Impl::Phase::Rows;
        }
        return false;
    }
    case Impl::Phase::IndexOpportunities: {
        const std::size_t end = std::min(m.plan.opportunities.size(), m.cursor + budget * 4);
        for (; m.cursor < end; ++m.cursor)
            m.index_opportunity(m.cursor);
        if (m.cursor >= m.plan.opportunities.size()) {
            m.cursor = 0;
            m.phase = Impl::Phase::Rows;
        }
        return false;
    }
    case Impl::Phase::Rows: {
        const std::size_t end = std::min(m.table.rows.size(), m.cursor + budget);
        for (; m.cursor < end; ++m.cursor)
            m.process_row(m.cursor);
        if (m.cursor >= m.table.rows.size()) {
            m.finish_notes();
            m.phase = Impl::Phase::Done;
        }
        return m.phase == Impl::Phase::Done;
    }
    case Impl::Phase::Done:
        return true;
    }
    return true;
}

void CsvImporter::Impl::process_row(std::size_t index) {
    row = &table.rows[index];
    row_index = static_cast<std::uint32_t>(index);
    row_rejected = false;
    ++summary.rows;
    if (row->unterminated_quote) {
        reject("the file ends inside a quoted value (a closing \" is missing)");
        return;
    }
    // More values than columns: usually an unquoted comma inside a value.
    if (row->cell_count > table.header.size()) {
        bool extra = false;
        for (std::size_t c = table.header.size(); c < row->cell_count && !extra; ++c)
            extra = !trim_value(table.cell(*row, c)).empty();
        if (extra) {
            reject("has " + std::to_string(row->cell_count) + " values but the header has " +
                   std::to_string(table.header.size()) +
                   " columns (is a value with a comma not in quotes?)");
            return;
        }
    }
    switch (opt.kind) {
    case ImportKind::Accounts:
        account_row();
        break;
    case ImportKind::Contacts:
        contact_row();
        break;
    case ImportKind::Opportunities:
        opportunity_row();
        break;
    }
}

void CsvImporter::Impl::finish_notes() {
    auto list = [](const std::map<std::string, int>& m) {
        std::string s;
        int shown = 0;
        for (const auto& [v, n] : m) {
            if (shown++ == 4) {
                s += ", …";
                break;
            }
            if (!s.empty()) s += ", ";
            s += v.empty() ? std::string("(empty)") : v;
        }
        return s;
    };
    auto total = [](const std::map<std::string, int>& m) {
        int n = 0;
        for (const auto& kv : m)
            n += kv.second;
        return n;
    };
    if (!unknown_status.empty())
        summary.notes.push_back(count_text(total(unknown_status), "row has", "rows have") +
                                " a type Footprint does not use (" + list(unknown_status) +
                                "): imported as " +
                                (opt.default_status == AccountStatus::Client   ? "clients"
                                 : opt.default_status == AccountStatus::Former ? "former clients"
                                                                               : "prospects") +
                                ".");
    if (!unknown_territory.empty())
        summary.notes.push_back(count_text(total(unknown_territory), "row names", "rows name") +
                                " a territory that is not in this plan (" +
                                list(unknown_territory) + "): those accounts get no territory.");
    if (!unknown_type.empty())
        summary.notes.push_back(count_text(total(unknown_type), "deal has", "deals have") +
                                " a type Footprint does not know (" + list(unknown_type) +
                                "): imported as new business.");
    if (!unknown_category.empty())
        summary.notes.push_back(count_text(total(unknown_category), "deal has", "deals have") +
                                " an unknown forecast category (" + list(unknown_category) +
                                "): the stage's category is used.");
    if (location_half > 0)
        summary.notes.push_back(count_text(location_half, "row has", "rows have") +
                                " a latitude without a longitude (or the other way round): not "
                                "placed on the map.");
    if (zip_placed > 0)
        summary.notes.push_back(count_text(zip_placed, "account has", "accounts have") +
                                " no coordinates and is placed at its ZIP code's centroid, marked "
                                "approximate: the map's \"To place\" list shows them to fix.");
    if (stages_changed) {
        std::string names;
        for (std::size_t i = 0; i < stages.size(); ++i) {
            bool known = false;
            for (const Stage& s : plan.stages)
                known = known || s.name == stages[i].name;
            if (known) continue;
            if (!names.empty()) names += ", ";
            names += stages[i].name;
        }
        summary.notes.push_back(
            count_text(summary.new_stages, "new stage", "new stages") +
            " for the plan's pipeline (Salesforce stages it does not have): " + names + ".");
    }
    if (table.footer_lines > 0)
        summary.notes.push_back("The Salesforce report footer (" +
                                count_text(table.footer_lines, "line", "lines") +
                                ") was left out.");
}

std::vector<Change> CsvImporter::take_changes() {
    std::vector<Change> out;
    while (!take_changes_step(out, SIZE_MAX / 2)) {
    }
    return out;
}

bool CsvImporter::take_changes_step(std::vector<Change>& out, std::size_t budget) {
    Impl& m = *impl_;
    if (m.phase != Impl::Phase::Done) return true;
    if (m.take_cursor == 0) {
        if (m.stages_changed) out.push_back(Set<std::vector<Stage>>{std::move(m.stages)});
        out.reserve(out.size() + m.account_slots.size() + m.opp_slots.size());
    }
    const std::size_t total = m.account_slots.size() + m.opp_slots.size();
    const std::size_t end = std::min(total, m.take_cursor + std::max<std::size_t>(budget, 1));
    for (; m.take_cursor < end; ++m.take_cursor) {
        const std::size_t i = m.take_cursor;
        if (i < m.account_slots.size()) {
            Impl::Slot& s = m.account_slots[i];
            if (is_new_ref(s.origin) || s.changed)
                out.push_back(Put<Account>{std::move(s.account), std::nullopt, true});
        } else {
            Impl::OppSlot& s = m.opp_slots[i - m.account_slots.size()];
            if (is_new_ref(s.origin) || s.changed)
                out.push_back(Put<Opportunity>{std::move(s.opp), std::nullopt, true});
        }
    }
    if (m.take_cursor < total) return false;
    m.account_slots.clear();
    m.opp_slots.clear();
    return true;
}

ImportSummary CsvImporter::take_summary() {
    return std::move(impl_->summary);
}

// --- output -------------------------------------------------------------------------------------

std::string format_rejection(const std::string& file_name, const Rejection& r) {
    return file_name + ":" + std::to_string(r.line) + ": " + r.reason;
}

std::string rejected_rows_csv(const CsvTable& table, const ImportSummary& summary) {
    std::string out = "\xEF\xBB\xBF";
    append_csv_cell(out, "Line");
    out += ',';
    append_csv_cell(out, "Reason");
    for (const std::string& h : table.header) {
        out += ',';
        append_csv_cell(out, h);
    }
    out += "\r\n";
    for (const Rejection& r : summary.rejections) {
        out += std::to_string(r.line);
        out += ',';
        append_csv_cell(out, r.reason);
        if (r.row < table.rows.size()) {
            const CsvRow& row = table.rows[r.row];
            for (std::size_t c = 0; c < std::max<std::size_t>(table.header.size(), row.cell_count);
                 ++c) {
                out += ',';
                append_csv_cell(out, table.cell(row, c));
            }
        }
        out += "\r\n";
    }
    return out;
}

std::string import_label(const ImportOptions& options, const ImportSummary& s) {
    const char* one = import_kind_singular(options.kind);
    const char* many = import_kind_name(options.kind);
    if (s.updated == 0) return "Import " + count_text(s.created, one, many);
    if (s.created == 0)
        return "Update " + count_text(s.updated, one, many) + " from " + options.file_name;
    return "Import " + options.file_name + " (" + format_count(s.created) + " new, " +
           format_count(s.updated) + " updated)";
}

} // namespace footprint::core
