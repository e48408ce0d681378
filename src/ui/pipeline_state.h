// The pipeline and forecast views' own state: modes, filters, open editors, the what-if, and the
// layout of the last frame (for the test API, which drags cards with real mouse events).
#pragma once

#include "core/deal_rules.h"
#include "core/stage_edit.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace footprint::ui {

// A rectangle in CSS pixels, as page.mouse sees the page.
struct CssRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct DealEditorState {
    bool open = false;
    std::string deal_id;
    core::Opportunity draft;
    char mrc[32] = {};
    char next_step[256] = {};
    std::string error;
};

struct PipelineViewState {
    int mode = 0;         // 0 board, 1 table
    char search[96] = {}; // account or deal name
    int table_filter = 0; // 0 open deals, 1 slipped, 2 closed, 3 all
    int sort_column = 0;
    bool sort_ascending = true;
    std::uint64_t rows_revision = ~0ull;
    std::string rows_key;
    std::vector<std::size_t> rows; // indices into plan.opportunities, filtered and sorted
    bool table_narrow = false;     // the Deal and Next step columns are hidden to fit
    DealEditorState editor;
    bool stages_open = false;
    std::vector<core::StageDraft> stage_drafts;
    std::vector<std::array<char, 64>> stage_names; // the drafts' name fields
    std::vector<std::string> stage_problems;
    // Last frame's board, for the test API: each card and each drop target.
    std::vector<std::pair<std::string, CssRect>> card_rects;   // deal id -> card
    std::vector<std::pair<std::string, CssRect>> column_rects; // stage name -> drop target
};

// A rate or amount being typed, with the reason it is not valid yet.
struct TextField {
    char text[32] = {};
    std::string error;
};

struct QuotaEditorState {
    int year = 0;
    TextField monthly;
    TextField months[12]; // empty: the month uses the monthly quota
};

struct CommissionEditorState {
    TextField base;
    std::vector<std::pair<TextField, TextField>> tiers;      // from attainment %, rate %
    std::vector<std::pair<std::string, TextField>> families; // family, extra rate %
    TextField winback;
    std::vector<std::string> problems;
};

struct ForecastViewState {
    int tab = 0;         // 0 overview, 1 commission, 2 what-if
    int granularity = 0; // core::Granularity
    int year_offset = 0; // the year shown, relative to this year
    int selected = -1;   // the period picked in the chart (index into the shown periods), -1: now
    int commission_month = -1; // month (1..12) whose breakdown is shown, -1: this month
    bool quota_open = false;
    QuotaEditorState quota;
    bool commission_open = false;
    CommissionEditorState commission;
    // What-if: deal id -> action, kept apart from the plan until applied.
    std::map<std::string, core::WhatIfAction> what_if;
    int what_if_scope = 0; // 0 this month and slipped, 1 every open deal
    char what_if_search[96] = {};
    // Last frame's chart, for the test API: bar tops per period and the axis maximum.
    std::vector<std::pair<std::string, CssRect>> bar_rects;
    float plot_top = 0, plot_bottom = 0; // CSS pixels of the money axis' top and zero
    double axis_max_dollars = 0;         // the money at plot_top
};

} // namespace footprint::ui
