// Updating the desks after small edits instead of recomputing them: the rows of the accounts the
// edits touched, the links that changed, and the scores. What the Desks view does after one click.
#pragma once

#include "core/plan_edit.h"
#include "core/priority.h"

namespace footprint::core {

// `desks` was computed for the plan before the edits described by `changed` (Document's
// changes_since) and `settings_before` its settings then; `today` is the same day. Returns true with
// `desks` as compute_desks(plan, today) would give; false, with `desks` no longer usable, when the
// whole plan was replaced (or a service names a family the whitespace has no column for): the
// caller then recomputes. It follows edits of records (a status change moves the account between
// desks), accounts and opportunities added, removed, moved or put back anywhere (rows follow their
// records' new indices), the notice and win-back window settings (every renewal or win-back row is
// redone), the catalog and the rules (the whitespace and the win-back estimates are redone) and
// the stages (every row's deal is looked up again). bench/bench_desks.cpp measures each kind.
bool update_desks(const Plan& plan, Date today, DeskData& desks, const TouchedSet& changed,
                  const Settings& settings_before);

// What a full recomputation may keep of the previous links after `changed` (see LinkReuse).
LinkReuse link_reuse(const Plan& plan, const DeskData& before, const TouchedSet& changed);

} // namespace footprint::core
