// Checks a whole document for what would break the program: duplicate or dangling ids,
// impossible dates, availability outside the day, unknown time zones.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "core/time_zone_catalog.h"

namespace flipside {

// Problems here name their place as a JSON Pointer into the exported file (core/result.h).

std::vector<Problem> validate_document(const Document& document, const TimeZoneCatalog& time_zones);

// Single-record checks used by the edit panels (paths relative to the record, e.g. "/email").
std::vector<Problem> validate_participant(const Participant& participant, const TimeZoneCatalog& time_zones);
std::vector<Problem> validate_program(const Program& program);

// "a@b.c" shape check: one '@', something on both sides, a dot in the domain, no spaces.
bool looks_like_email(const std::string& text);

}  // namespace flipside
