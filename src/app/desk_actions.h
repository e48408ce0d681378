// The Desks view's edits: one-click opportunities, priority weights, desk settings, the catalog
// and the upsell rules. Each is one undoable command; the UI and the test API both call these.
#pragma once

#include "app/app.h"
#include "core/model.h"

#include <optional>
#include <string>
#include <vector>

namespace footprint::app {

// Each creates the opportunity the desk row proposes (core/desk_opportunities.h) and returns its
// id, or "" when there is nothing to create (the account is not on that desk, or the plan has no
// open stage); a notice then says why.
std::string create_renewal_opportunity(App& app, const std::string& account_id);
std::string create_winback_opportunity(App& app, const std::string& account_id);
std::string create_upsell_opportunity(App& app, const std::string& account_id,
                                      const std::string& rule_id);

void set_priority_weights(App& app, const core::PriorityWeights& weights);
// The default notice period of contracts, and how long before a competitor's likely end the
// win-back window opens. Negative values leave the setting as it is.
void set_desk_settings(App& app, int renewal_notice_days, int winback_window_days);
// A former client's competitor contract: typical term and, optionally, the exact end.
void set_competitor_contract(App& app, const std::string& account_id, int term_months,
                             std::optional<core::Date> end);

void set_catalog(App& app, std::vector<core::Product> catalog, std::string label);
void set_upsell_rules(App& app, std::vector<core::UpsellRule> rules, std::string label);

} // namespace footprint::app
