// The dates a cadence gives inside a program window. Dates are civil dates in the reference
// participant's zone; the scheduler turns them into instants.
#pragma once

#include <vector>

#include "core/civil_time.h"
#include "core/model.h"

namespace flipside::scheduling {

// Up to `max_count` dates in [first, last], in order:
//   Weekly:            the first `weekday` on or after `first`, then every 7*interval days;
//   MonthlyNthWeekday: the nth (1..5, or -1 = last) `weekday` of each month;
//   EveryNDays:        `first`, then every `interval` days (`weekday` is ignored).
// An interval below 1 gives no dates (validation reports it).
std::vector<Date> cadence_dates(const Cadence& cadence, const Date& first, const Date& last,
                                int weekday, int max_count);

// Nominal days between two sessions (monthly counts as 28).
int cadence_period_days(const Cadence& cadence);

// The nth (1..5, or -1 = last) `weekday` (0 = Monday) of a month, if that month has one.
bool nth_weekday_of_month(int year, int month, int weekday, int nth, Date& out);

}  // namespace flipside::scheduling
