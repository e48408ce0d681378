// The account page's sections: former-client details, services in place with their contracts,
// contacts (decision-makers), and the timeline of activities and opportunities.
#include "core/csv_values.h"
#include "core/format.h"
#include "core/money_input.h"
#include "core/map_layers.h"
#include "ui/accounts_view.h"
#include "ui/panels.h"
#include "ui/theme.h"
#include "ui/view_common.h"

#include <algorithm>

namespace footprint::ui {

namespace {

void put(app::App& app, core::Account e, const std::string& label) {
    app.put_account(std::move(e), label);
}

// Each returns true and sets `out` when the user finished an edit with a valid value; an invalid
// one is reported and changes nothing.
bool edit_date(app::App& app, const char* id, const std::optional<core::Date>& value,
               std::optional<core::Date>& out, const char* what, const char* hint = "MM/DD/YYYY") {
    std::string v;
    if (!edit_text(id, value ? core::format_date(*value) : std::string(), v, -1, hint))
        return false;
    if (core::trim_value(v).empty()) {
        out.reset();
        return value.has_value();
    }
    const std::optional<core::Date> d = core::parse_date_text(v, core::DateOrder::MonthDay);
    if (!d) {
        app.notify(app::Notice::Kind::Warning, std::string(what) + " not changed",
                   "\"" + v + "\" is not a date. Type it as 03/31/2027 or Mar 31, 2027.");
        return false;
    }
    out = d;
    return out != value;
}

bool edit_money(app::App& app, const char* id, core::Cents value, core::Cents& out,
                const char* what) {
    std::string v;
    if (!edit_text(id, core::format_money(value), v, -1)) return false;
    const core::ParsedCents c =
        core::trim_value(v).empty() ? core::ParsedCents{core::Cents{0}, {}} : core::parse_money(v);
    if (!c.value) {
        app.notify(app::Notice::Kind::Warning, std::string(what) + " not changed",
                   "\"" + v + "\" " + c.error + ". Type it as 1,250.00 or $1,250.");
        return false;
    }
    out = *c.value;
    return out != value;
}

bool edit_int(app::App& app, const char* id, int value, int& out, const char* what, int lo,
              int hi) {
    std::string v;
    if (!edit_text(id, std::to_string(value), v, -1)) return false;
    const std::optional<long long> n = core::parse_count(v);
    if (!n || *n < lo || *n > hi) {
        app.notify(app::Notice::Kind::Warning, std::string(what) + " not changed",
                   "\"" + v + "\" is not a whole number from " + std::to_string(lo) + " to " +
                       std::to_string(hi) + ".");
        return false;
    }
    out = static_cast<int>(*n);
    return out != value;
}

// A text field inside a form table.
bool text_cell(const char* label, const char* id, const std::string& value, std::string& out,
               const char* hint = nullptr) {
    form_label(label);
    return edit_text(id, value, out, -1, hint);
}

} // namespace

void draw_account_former(app::App& app, UiState& ui, const core::Account& a) {
    ImGui::SeparatorText("Former client");
    const core::Date today = app.clock().today();
    const core::FormerClient& f = a.former;
    // The Win-backs desk's rule (core/winback.h), so the page, the desk and the map agree.
    if (const auto w = core::winback_window(a, app.plan().settings, today)) {
        const int days = core::days_between(today, w->competitor_end);
        const bool open = today >= w->opens;
        const ImU32 col = days >= 0 ? urgency_colour(days) : 0;
        ImGui::TextColored(to_vec4(col ? col : palette().text), "%s", ICON_HANDSHAKE);
        ImGui::SameLine();
        ImGui::TextWrapped("%s contract likely ends %s (%s): %s",
                           f.competitor.empty() ? "Their new" : (f.competitor + "'s").c_str(),
                           core::format_date(w->competitor_end).c_str(),
                           core::format_relative_days(w->competitor_end, today).c_str(),
                           days < 0 ? "they may be month to month now, worth a call"
                           : open   ? "the win-back window is open"
                                    : ("the win-back window opens " + core::format_date(w->opens)).c_str());
    } else {
        text_muted("Enter when they left (or when their new contract ends) to see the win-back window.");
    }
    if (!ImGui::BeginTable("##former", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 120 * ui.dpr);
    ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
    core::Account e = a;
    std::string s;
    form_label("Lost on");
    if (edit_date(app, "##lost", f.lost_date, e.former.lost_date, "Lost date"))
        put(app, e, "Edit lost date");
    if (text_cell("Why they left", "##reason", f.reason, s, "price, moved, service…")) {
        e.former.reason = s;
        put(app, e, "Edit why they left");
    }
    if (text_cell("Went to", "##competitor", f.competitor, s, "Competitor")) {
        e.former.competitor = s;
        put(app, e, "Edit competitor");
    }
    form_label("Their term");
    if (edit_int(app, "##cterm", f.competitor_term_months, e.former.competitor_term_months, "Term",
                 0, 600))
        put(app, e, "Edit competitor's term");
    ImGui::SameLine();
    text_muted("months");
    form_label("Their contract ends");
    std::string hint =
        "estimated " +
        core::format_date(core::add_months(f.lost_date.value_or(today), f.competitor_term_months));
    if (edit_date(app, "##cend", f.competitor_contract_end, e.former.competitor_contract_end,
                  "Competitor's contract end", hint.c_str()))
        put(app, e, "Edit competitor's contract end");
    ImGui::EndTable();
}

void draw_account_services(app::App& app, UiState& ui, const core::Account& a) {
    ImGui::SeparatorText("Services in place");
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    const Palette& p = palette();
    std::string& editing = ui.accounts.editing_service;
    if (a.services.empty()) text_muted("No services: nothing billed to this account yet.");
    for (std::size_t i = 0; i < a.services.size(); ++i) {
        const core::Service& s = a.services[i];
        ImGui::PushID(s.id.c_str());
        const bool open = editing == s.id;
        if (icon_button(open ? ICON_CHECK "##done" : ICON_PENCIL "##edit",
                        open ? "Done" : "Edit this service"))
            editing = open ? std::string() : s.id;
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(product_label(plan, s).c_str());
        if (s.quantity > 1) {
            ImGui::SameLine();
            text_muted("x" + std::to_string(s.quantity));
        }
        ImGui::SameLine();
        std::string right = core::format_mrc(s.mrc);
        if (s.contract_end)
            right += "  ·  ends " + core::format_date_short(*s.contract_end, today);
        else if (s.term_months == 0)
            right += "  ·  month to month";
        const float w = ImGui::CalcTextSize(right.c_str()).x;
        ImGui::SetCursorPosX(
            std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
        if (s.contract_end) {
            const int days = core::days_between(today, *s.contract_end);
            const ImU32 col = days >= 0 && days <= 30 ? urgency_colour(days)
                              : days < 0              ? p.text_muted
                                                      : p.text;
            ImGui::TextColored(to_vec4(col), "%s", right.c_str());
            ImGui::SetItemTooltip("Contract ends %s (%s)%s",
                                  core::format_date(*s.contract_end).c_str(),
                                  core::format_relative_days(*s.contract_end, today).c_str(),
                                  s.auto_renew ? "; renews automatically" : "");
        } else {
            ImGui::TextUnformatted(right.c_str());
        }
        if (open && ImGui::BeginTable("##svc-form", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 120 * ui.dpr);
            ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
            core::Account e = a;
            core::Service& es = e.services[i];
            form_label("Product");
            ImGui::SetNextItemWidth(-1);
            if (ImGui::BeginCombo("##product", product_label(plan, s).c_str())) {
                for (const core::Product& prod : plan.catalog)
                    if (ImGui::Selectable(prod.name.c_str(), prod.id == s.product) &&
                        prod.id != s.product) {
                        es.product = prod.id;
                        es.family = prod.family;
                        es.bandwidth_mbps = prod.bandwidth_mbps;
                        put(app, e, "Change service product");
                    }
                ImGui::EndCombo();
            }
            std::string txt;
            if (text_cell("Family", "##family", s.family, txt, "internet, ethernet, voice…")) {
                es.family = txt;
                put(app, e, "Edit service family");
            }
            form_label("Quantity");
            if (edit_int(app, "##qty", s.quantity, es.quantity, "Quantity", 1, 1'000'000))
                put(app, e, "Edit quantity");
            form_label("Monthly (MRC)");
            if (edit_money(app, "##mrc", s.mrc, es.mrc, "Monthly charge"))
                put(app, e, "Edit monthly charge");
            form_label("Term (months)");
            if (edit_int(app, "##term", s.term_months, es.term_months, "Term", 0, 600))
                put(app, e, "Edit term");
            form_label("Starts");
            if (edit_date(app, "##start", s.contract_start, es.contract_start, "Start date"))
                put(app, e, "Edit contract start");
            form_label("Ends");
            if (edit_date(app, "##end", s.contract_end, es.contract_end, "End date")) {
                if (es.contract_start && es.contract_end && *es.contract_end < *es.contract_start)
                    app.notify(app::Notice::Kind::Warning, "End date not changed",
                               "A contract cannot end before it starts (" +
                                   core::format_date(*es.contract_start) + ").");
                else
                    put(app, e, "Edit contract end");
            }
            form_label("Renews itself");
            bool ar = s.auto_renew;
            if (ImGui::Checkbox("##autorenew", &ar)) {
                es.auto_renew = ar;
                put(app, e, ar ? "Set to renew automatically" : "Set not to renew automatically");
            }
            form_label("");
            if (ImGui::Button(ICON_TRASH "  Remove service")) {
                e.services.erase(e.services.begin() + static_cast<std::ptrdiff_t>(i));
                put(app, e, "Remove service " + product_label(plan, s));
                app.notify(app::Notice::Kind::Info, "Service removed",
                           "Undo (Ctrl+Z) brings it back.");
                editing.clear();
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    if (!a.services.empty()) {
        ImGui::PushFont(ui.fonts.bold);
        text_right("Total " + core::format_mrc(core::account_mrc(a)));
        ImGui::PopFont();
    }
    if (ImGui::Button(ICON_PLUS "  Add service")) {
        core::Account e = a;
        core::Service s;
        s.id = app.ids().next("svc");
        if (!plan.catalog.empty()) {
            const core::Product& prod = plan.catalog.front();
            s.product = prod.id;
            s.family = prod.family;
            s.bandwidth_mbps = prod.bandwidth_mbps;
            for (const core::TermPrice& tp : prod.prices)
                if (tp.term_months == 36) s.mrc = tp.mrc;
        } else {
            s.product = "Service";
        }
        s.term_months = 36;
        s.contract_start = today;
        s.contract_end = core::add_days(core::add_months(today, 36), -1);
        e.services.push_back(s);
        editing = s.id;
        put(app, std::move(e), "Add service");
    }
}

void draw_account_contacts(app::App& app, UiState& ui, const core::Account& a) {
    ImGui::SeparatorText("Contacts");
    std::string& editing = ui.accounts.editing_contact;
    if (a.contacts.empty()) text_muted("No contacts yet: add the decision-maker you meet.");
    for (std::size_t i = 0; i < a.contacts.size(); ++i) {
        const core::Contact& c = a.contacts[i];
        ImGui::PushID(c.id.c_str());
        const bool open = editing == c.id;
        if (icon_button(open ? ICON_CHECK "##done" : ICON_PENCIL "##edit",
                        open ? "Done" : "Edit this contact"))
            editing = open ? std::string() : c.id;
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(ui.fonts.bold);
        ImGui::TextUnformatted(c.name.empty() ? "(no name)" : c.name.c_str());
        ImGui::PopFont();
        if (c.primary) {
            ImGui::SameLine();
            badge("Primary", palette().accent);
        }
        std::string line = c.title;
        if (!c.role.empty()) line += (line.empty() ? "" : " · ") + c.role;
        if (!line.empty()) text_muted(line);
        std::string reach = c.phone;
        if (!c.email.empty()) reach += (reach.empty() ? "" : "   ") + c.email;
        if (!reach.empty()) text_muted(reach);
        if (open && ImGui::BeginTable("##con-form", 2, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 120 * ui.dpr);
            ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
            core::Account e = a;
            core::Contact& ec = e.contacts[i];
            std::string v;
            auto field = [&](const char* label, const char* id, std::string core::Contact::*m,
                             const char* hint) {
                if (text_cell(label, id, c.*m, v, hint)) {
                    ec.*m = v;
                    ec.modified = app.clock().wall();
                    put(app, e, std::string("Edit contact ") + label);
                }
            };
            field("Name", "##name", &core::Contact::name, "Full name");
            field("Title", "##title", &core::Contact::title, "IT Director");
            field("Buying role", "##role", &core::Contact::role, "Decision maker, Influencer…");
            field("Phone", "##phone", &core::Contact::phone, "(215) 555-0142");
            field("Email", "##email", &core::Contact::email, "name@company.com");
            form_label("Primary");
            bool primary = c.primary;
            if (ImGui::Checkbox("##primary", &primary)) {
                for (core::Contact& other : e.contacts)
                    other.primary = false;
                ec.primary = primary;
                put(app, e, primary ? "Make primary contact" : "Unset primary contact");
            }
            form_label("");
            if (ImGui::Button(ICON_TRASH "  Remove contact")) {
                e.contacts.erase(e.contacts.begin() + static_cast<std::ptrdiff_t>(i));
                put(app, e, "Remove contact " + c.name);
                app.notify(app::Notice::Kind::Info, "Contact removed",
                           c.name + " was removed. Undo (Ctrl+Z) brings them back.");
                editing.clear();
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    if (ImGui::Button(ICON_PLUS "  Add contact")) {
        core::Account e = a;
        core::Contact c;
        c.id = app.ids().next("con");
        c.name = "New contact";
        c.primary = a.contacts.empty();
        c.modified = app.clock().wall();
        e.contacts.push_back(c);
        editing = c.id;
        put(app, std::move(e), "Add contact");
    }
}

void draw_account_timeline(app::App& app, UiState& ui, const core::Account& a) {
    ImGui::SeparatorText("Timeline");
    const core::Plan& plan = app.plan();
    const core::Date today = app.clock().today();
    const Palette& p = palette();
    struct Item {
        core::Date date;
        bool undated = false;
        const core::Opportunity* opp = nullptr;
        const core::Activity* act = nullptr;
    };
    std::vector<Item> items;
    for (const core::Opportunity& o : plan.opportunities)
        if (o.account_id == a.id)
            items.push_back({o.close_date.value_or(today), !o.close_date, &o, nullptr});
    for (const core::Activity& act : plan.activities)
        if (act.account_id == a.id) items.push_back({act.date, false, nullptr, &act});
    std::sort(items.begin(), items.end(),
              [](const Item& x, const Item& y) { return x.date > y.date; });
    if (items.empty()) {
        text_muted("No opportunities or activities yet.");
        return;
    }
    const std::size_t limit =
        ui.accounts.timeline_all ? items.size() : std::min<std::size_t>(items.size(), 12);
    const float date_w = 96 * ui.dpr;
    for (std::size_t i = 0; i < limit; ++i) {
        const Item& it = items[i];
        ImGui::PushID(static_cast<int>(i));
        const float x0 = ImGui::GetCursorPosX();
        if (it.opp) {
            const core::Opportunity& o = *it.opp;
            text_muted(it.undated ? std::string("no date")
                                  : core::format_date_short(it.date, today));
            ImGui::SameLine(x0 + date_w);
            ImGui::TextColored(to_vec4(opportunity_type_colour(o.type)), ICON_BRIEFCASE);
            ImGui::SameLine();
            ImGui::TextWrapped("%s", o.name.c_str());
            ImGui::SetCursorPosX(x0 + date_w + ImGui::GetFontSize() * 1.4f);
            std::string line = std::string(opportunity_type_label(o.type)) + " · " + o.stage +
                               " · " + core::format_mrc_rounded(o.mrc);
            if (o.close_date) line += it.date < today ? " · was due to close" : " · closes";
            text_muted(line);
        } else {
            const core::Activity& act = *it.act;
            text_muted(core::format_date_short(act.date, today));
            ImGui::SameLine(x0 + date_w);
            ImGui::TextColored(to_vec4(p.text_muted), "%s", activity_icon(act.type));
            ImGui::SameLine();
            ImGui::TextWrapped("%s: %s", activity_label(act.type),
                               act.subject.empty() ? "(no subject)" : act.subject.c_str());
            if (!act.outcome.empty()) {
                ImGui::SetCursorPosX(x0 + date_w + ImGui::GetFontSize() * 1.4f);
                text_muted(act.outcome);
            }
        }
        ImGui::PopID();
    }
    if (items.size() > 12) {
        const std::string more = ui.accounts.timeline_all
                                     ? std::string("Show fewer")
                                     : "Show all " + std::to_string(items.size());
        if (ImGui::SmallButton(more.c_str())) ui.accounts.timeline_all = !ui.accounts.timeline_all;
    }
}

} // namespace footprint::ui
