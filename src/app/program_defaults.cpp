#include "app/program_defaults.h"

#include <utility>

namespace flipside::app {

Date next_monday(const Date& today) { return add_days(today, 7 - weekday_of(today)); }

Program first_program(std::string id, const Date& today) {
    Program program;
    program.id = std::move(id);
    program.name = "Reverse mentoring — Wave 1";
    program.start_date = next_monday(today);
    program.end_date = add_days(program.start_date, (kDefaultProgramWeeks - 1) * 7 + 4);  // that week's Friday
    return program;
}

Program next_wave(const Program& previous, std::string id, const Date& today) {
    Program program = previous;
    program.id = std::move(id);
    program.name = previous.name + " (next wave)";
    const std::int64_t length = days_from_civil(previous.end_date) - days_from_civil(previous.start_date);
    const Date after_previous = add_days(previous.end_date, 14);
    const Date earliest = next_monday(today);
    program.start_date = days_from_civil(after_previous) < days_from_civil(earliest) ? earliest : after_previous;
    program.end_date = add_days(program.start_date, length);
    program.blackout_dates.clear();
    return program;
}

}  // namespace flipside::app
