// flipside schedule (synopsis: main.cpp's command table)
// Schedules every active pair of the program (the current one by default) that has no session
// yet, prints the program's sessions and what could not be placed as JSON, and with -o writes
// the data file with the schedule. Exit 0 even when some pairs are unscheduled (they are listed).
#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "core/scheduling/scheduler.h"
#include "io/json_document.h"
#include "platform/interface/time_zones.h"

namespace flipside::cli {

int run_schedule(const Arguments& args) {
    const Options options(args, {"-o", "--program"});
    if (!options.ok()) return usage_error("schedule", options.error());
    if (options.positional().size() != 1)
        return usage_error("schedule", "give exactly one file: flipside schedule data.json [-o out.json]");
    const std::string& path = options.positional()[0];
    auto document = load_document(path, "schedule");
    if (!document) return 2;
    const Program* program = document->current_program();
    if (const auto wanted = options.value("--program")) {
        program = nullptr;
        for (const Program& p : document->programs)
            if (p.id == *wanted) program = &p;
        if (!program) return usage_error("schedule", "no program \"" + *wanted + "\" in " + path);
    }
    if (!program) return usage_error("schedule", path + " has no program to schedule");
    const std::string program_id = program->id;

    const scheduling::ScheduleReport report = scheduling::schedule_unscheduled_pairs(*document, program_id, platform::system_time_zones());

    nlohmann::json sessions = nlohmann::json::array();
    std::vector<const Session*> ordered;
    for (const Pair& pair : document->pairs) {
        if (pair.program_id != program_id) continue;
        for (const Session& session : document->sessions)
            if (session.pair_id == pair.id) ordered.push_back(&session);
    }
    std::sort(ordered.begin(), ordered.end(), [](const Session* a, const Session* b) {
        return a->start != b->start ? a->start < b->start : a->id < b->id;
    });
    for (const Session* session : ordered) {
        const Pair* pair = nullptr;
        for (const Pair& p : document->pairs)
            if (p.id == session->pair_id) pair = &p;
        sessions.push_back({{"id", session->id},
                            {"pair", session->pair_id},
                            {"participants", {pair->mentor_id, pair->mentee_id}},
                            {"start", format_utc_timestamp(session->start)},
                            {"end", format_utc_timestamp(session->start + session->minutes * 60)},
                            {"status", session_status_name(session->status)}});
    }
    nlohmann::json unscheduled = nlohmann::json::array();
    for (const scheduling::UnscheduledPair& pair : report.unscheduled) {
        nlohmann::json failed = nlohmann::json::array();
        for (const Date& date : pair.failed_dates) failed.push_back(format_iso_date(date));
        unscheduled.push_back({{"pair", pair.pair_id}, {"reason", pair.reason}, {"failed_dates", failed}});
    }
    const nlohmann::json out{{"sessions", sessions}, {"unscheduled", unscheduled}};
    std::printf("%s\n", out.dump(2).c_str());

    if (const auto output = options.value("-o")) {
        if (!write_file(*output, io::write_document_json(*document), "schedule")) return 1;
        std::fprintf(stderr, "flipside schedule: %d of %d pairs fully scheduled, %zu sessions added; wrote %s\n",
                     report.pairs_fully_scheduled, report.pairs_considered, report.added_session_ids.size(),
                     output->c_str());
    }
    return 0;
}

}  // namespace flipside::cli
