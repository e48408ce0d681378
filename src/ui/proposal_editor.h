// The proposal editor: catalog products at a term, discounts, one-time charges, the comparison
// with what the account pays today, the printable page, and "Mark as sent".
#pragma once

#include "ui/ui.h"

namespace footprint::ui {

// Opens the editor with a new proposal for `account_id`, linked to `opportunity_id` ("" : the
// account's open deal, if it has exactly one... else a new deal when sent).
void open_proposal_editor(const app::App& app, UiState& ui, const std::string& account_id,
                          const std::string& opportunity_id = {});
// Adds a catalog product to the open editor (the "Add product" menu and the test API).
void proposal_add_product(const app::App& app, UiState& ui, const std::string& product_id);
// Reads the typed discounts and one-time charges into the draft (each frame does it too).
void proposal_apply_texts(UiState& ui);
// Downloads the printable page (also from the test API).
void proposal_download(app::App& app, UiState& ui);
// Sends it (ONE undoable command); false with ui.proposal.problems when it cannot be sent.
bool proposal_mark_sent(app::App& app, UiState& ui);
void draw_proposal_editor(app::App& app, UiState& ui);

} // namespace footprint::ui
