// flipside invite (synopsis: main.cpp's command table)
// Issues invitations to the current wave's active participants: one readable file each and a
// mail-merge table. The issued invitations are recorded in data.json itself (and the wave gets
// its invitation key the first time), which is rewritten safely before any invitation is
// written, so every invitation handed out is one the coordinator's data knows.
#include <cstdio>
#include <sys/stat.h>
#include <unordered_set>

#include "cli/cli_support.h"
#include "core/participants/invitation.h"
#include "io/invitation_handout.h"
#include "io/json_document.h"

namespace flipside::cli {

int run_invite(const Arguments& args) {
    const Options options(args, {"-o", "--participant", "--base-url"}, {"--all"});
    if (!options.ok()) return usage_error("invite", options.error());
    if (options.positional().size() != 1)
        return usage_error("invite", "give exactly one file: flipside invite data.json (--participant ID | --all) -o DIR");
    const auto directory = options.value("-o");
    if (!directory) return usage_error("invite", "give the folder to write the invitations to with -o DIR");
    const std::vector<std::string> chosen = options.values("--participant");
    if (chosen.empty() == !options.flag("--all"))
        return usage_error("invite", "give --participant ID (once or more) or --all");
    const std::string base_url = options.value("--base-url").value_or(io::kDefaultInvitationBase);
    const auto now = current_time("invite");
    if (!now) return 2;

    const std::string& path = options.positional()[0];
    auto document = load_document(path, "invite");
    if (!document) return 2;
    const Program* program = document->current_program();
    if (!program) return usage_error("invite", path + " has no program to invite anyone to");

    std::vector<std::string> ids;
    if (options.flag("--all")) {
        for (const Participant& p : document->participants)
            if (p.active) ids.push_back(p.id);
        if (ids.empty()) return usage_error("invite", path + " has no active participant");
    }
    if (!chosen.empty()) {
        std::unordered_set<std::string> known;
        for (const Participant& p : document->participants) known.insert(p.id);
        for (const std::string& id : chosen) {
            if (known.count(id) == 0) return usage_error("invite", "no participant \"" + id + "\" in " + path);
            ids.push_back(id);
        }
    }

    Result<participants::IssuedBatch> batch =
        participants::issue_invitations(*document, program->id, ids, *now, random_bytes);
    if (!batch) return usage_error("invite", batch.message());

    ::mkdir(directory->c_str(), 0755);  // may exist already; writing below says when it cannot
    const std::string program_id = program->id;
    for (Program& p : document->programs)
        if (p.id == program_id) p = batch->program;
    if (!write_file(path, io::write_document_json(*document), "invite")) return 1;
    if (batch->key_added)
        std::printf("%s had no invitation key: added one to program %s\n", path.c_str(), program_id.c_str());
    std::printf("recorded %zu invitation%s in %s (rewritten)\n", batch->invitations.size(),
                batch->invitations.size() == 1 ? "" : "s", path.c_str());

    const std::vector<io::InvitationHandout> handouts = io::invitation_handouts(batch->invitations, base_url);
    for (const io::InvitationHandout& handout : handouts)
        if (!write_file(*directory + "/" + handout.file_name, handout.file_text, "invite")) return 1;
    const std::string table = *directory + "/invitations.csv";
    if (!write_file(table, io::write_invitations_csv(handouts), "invite")) return 1;
    std::printf("wrote %zu invitation%s and %s\n", batch->invitations.size(), batch->invitations.size() == 1 ? "" : "s",
                table.c_str());
    return 0;
}

}  // namespace flipside::cli
