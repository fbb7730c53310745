// flipside ics (synopsis: main.cpp's command table)
// Writes an iCalendar file of the sessions of one person, one pair or everyone. DTSTAMP is
// the current time unless --now fixes it (for reproducible files).
#include <cstdio>
#include <ctime>

#include "cli/cli_support.h"
#include "io/ical_writer.h"

namespace flipside::cli {

int run_ics(const Arguments& args) {
    const Options options(args, {"-o", "--participant", "--pair", "--program", "--reminder", "--now"});
    if (!options.ok()) return usage_error("ics", options.error());
    if (options.positional().size() != 1)
        return usage_error("ics", "give exactly one file: flipside ics data.json [--participant ID | --pair ID] -o file.ics");
    const auto output = options.value("-o");
    if (!output) return usage_error("ics", "give the calendar file to write with -o file.ics");
    const auto participant = options.value("--participant");
    const auto pair = options.value("--pair");
    if (participant && pair) return usage_error("ics", "give --participant or --pair, not both");

    io::IcsOptions ics;
    ics.now = static_cast<UtcSeconds>(std::time(nullptr));
    if (const auto now = options.value("--now")) {
        const auto parsed = parse_utc_timestamp(*now);
        if (!parsed) return usage_error("ics", "--now \"" + *now + "\" is not a UTC time YYYY-MM-DDTHH:MM:SSZ");
        ics.now = *parsed;
    }
    if (const auto reminder = options.value("--reminder")) {
        const auto minutes = parse_integer(*reminder, 0, 40320);
        if (!minutes) return usage_error("ics", "--reminder \"" + *reminder + "\" must be 0–40320 minutes");
        ics.reminder_minutes = static_cast<int>(*minutes);
    }

    const std::string& path = options.positional()[0];
    const auto document = load_document(path, "ics");
    if (!document) return 2;
    if (const auto program = options.value("--program")) {
        bool found = false;
        for (const Program& p : document->programs) found = found || p.id == *program;
        if (!found) return usage_error("ics", "no program \"" + *program + "\" in " + path);
        ics.program_id = *program;
    }
    if (participant) {
        bool found = false;
        for (const Participant& p : document->participants) found = found || p.id == *participant;
        if (!found) return usage_error("ics", "no participant \"" + *participant + "\" in " + path);
        ics.scope = io::IcsOptions::Scope::Participant;
        ics.id = *participant;
    } else if (pair) {
        bool found = false;
        for (const Pair& p : document->pairs) found = found || p.id == *pair;
        if (!found) return usage_error("ics", "no pair \"" + *pair + "\" in " + path);
        ics.scope = io::IcsOptions::Scope::Pair;
        ics.id = *pair;
    }
    const std::string calendar = io::write_ics(*document, ics);
    if (!write_file(*output, calendar, "ics")) return 1;
    std::size_t events = 0;
    for (std::size_t at = calendar.find("BEGIN:VEVENT"); at != std::string::npos; at = calendar.find("BEGIN:VEVENT", at + 1))
        ++events;
    std::fprintf(stderr, "flipside ics: wrote %zu events to %s\n", events, output->c_str());
    return 0;
}

}  // namespace flipside::cli
