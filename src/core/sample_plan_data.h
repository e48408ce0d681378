// Tables behind the sample plan: real places around Columbus, Ohio (with real ZIP codes, street
// names and coordinates), industries, invented business-name parts, people's names, competitors,
// and the words activities and opportunities are written with. Only sample_plan.cpp uses them.
#pragma once

#include <string_view>
#include <vector>

namespace footprint::core::sample_data {

using Words = std::vector<std::string_view>;

struct Place {
    std::string_view name;      // neighbourhood or suburb ("Short North", "Dublin")
    std::string_view city;      // postal city ("Columbus", "Dublin")
    Words zips;                 // real ZIP codes of the place
    double lat = 0, lon = 0;    // hand-entered centre of the place
    double radius_km = 1.5;     // accounts are scattered within this radius
    int weight = 1;             // relative number of accounts
    std::string_view area_code; // "614", "380" or "740"
    Words streets;              // real street names there
};

struct Industry {
    std::string_view name;
    int weight = 1;
    int employees_min = 5, employees_max = 100;
    int multi_site_pct = 10; // chance of more than one site
    int max_sites = 3;
    Words name_patterns;    // "{W}" = a name word, "{S}" = a surname
    Words preferred_places; // where this industry clusters (used 60% of the time)
    Words lead_titles;      // the decision maker's title in this industry
};

const std::vector<Place>& places();
const std::vector<Industry>& industries();

const Words& name_words(); // invented brand-like words: "Ashgrove", "Copperleaf"
const Words& first_names();
const Words& surnames();
const Words& staff_titles(); // titles of second and third contacts in larger businesses
const Words& small_staff_titles();

const Words& competitors();
const Words& loss_reasons_by_former_reason(); // parallel to former_reasons()
const Words& former_reasons();
const Words& deal_loss_reasons();
const Words& account_notes();

const Words& next_steps_renewal();
const Words& next_steps_upsell();
const Words& next_steps_new();
const Words& next_steps_winback();
const Words& activity_next_steps();

struct ActivityWords {
    Words subjects;
    Words outcomes;
};
// Indexed by ActivityType (Call, Visit, Meeting, Email, Event, Proposal).
const ActivityWords& activity_words(int type);
// Subjects for activities about a renewal / upsell / win-back / new deal ("{P}" = product name).
const Words& deal_subjects(int opportunity_type);

} // namespace footprint::core::sample_data
