#include "core/scheduling/detail/recurrence.h"

namespace flipside::scheduling {

bool nth_weekday_of_month(int year, int month, int weekday, int nth, Date& out) {
    if (nth == 0 || nth > 5 || nth < -1) return false;
    const int length = days_in_month(year, month);
    if (nth == -1) {
        const Date last{year, month, length};
        out = add_days(last, -((weekday_of(last) - weekday + 7) % 7));
        return true;
    }
    const Date first{year, month, 1};
    const int day = 1 + (weekday - weekday_of(first) + 7) % 7 + 7 * (nth - 1);
    if (day > length) return false;
    out = Date{year, month, day};
    return true;
}

std::vector<Date> cadence_dates(const Cadence& cadence, const Date& first, const Date& last,
                                int weekday, int max_count) {
    std::vector<Date> dates;
    if (max_count <= 0 || last < first) return dates;
    switch (cadence.kind) {
        case CadenceKind::Weekly: {
            if (cadence.interval < 1) return dates;
            Date date = add_days(first, (weekday - weekday_of(first) + 7) % 7);
            while (date <= last && static_cast<int>(dates.size()) < max_count) {
                dates.push_back(date);
                date = add_days(date, 7 * cadence.interval);
            }
            break;
        }
        case CadenceKind::EveryNDays: {
            if (cadence.interval < 1) return dates;
            for (Date date = first; date <= last && static_cast<int>(dates.size()) < max_count;
                 date = add_days(date, cadence.interval))
                dates.push_back(date);
            break;
        }
        case CadenceKind::MonthlyNthWeekday: {
            int year = first.year, month = first.month;
            while (static_cast<int>(dates.size()) < max_count) {
                if (Date{year, month, 1} > last) break;
                Date date;
                if (nth_weekday_of_month(year, month, weekday, cadence.nth, date) && first <= date &&
                    date <= last)
                    dates.push_back(date);
                if (++month > 12) {
                    month = 1;
                    ++year;
                }
            }
            break;
        }
    }
    return dates;
}

int cadence_period_days(const Cadence& cadence) {
    switch (cadence.kind) {
        case CadenceKind::Weekly: return 7 * (cadence.interval < 1 ? 1 : cadence.interval);
        case CadenceKind::EveryNDays: return cadence.interval < 1 ? 1 : cadence.interval;
        case CadenceKind::MonthlyNthWeekday: return 28;
    }
    return 7;
}

}  // namespace flipside::scheduling
