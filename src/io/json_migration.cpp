#include "io/json_migration.h"

#include <string>

#include "io/json_document.h"

namespace flipside::io {

using nlohmann::json;

namespace {

// Version 1 kept a single program, skills as plain names, availability as "mon 09:00-12:00"
// strings, and pairs as {id, mentor, mentee}.
void migrate_v1_to_v2(json& root, std::vector<Problem>& problems) {
    json programs = json::array();
    std::string program_id = "R1";
    if (root.contains("program")) {
        json program = root["program"];
        if (!program.is_object()) {
            problems.push_back({"/program", "expected an object"});
            return;
        }
        if (program.contains("id") && program["id"].is_string()) program_id = program["id"].get<std::string>();
        program["id"] = program_id;
        programs.push_back(std::move(program));
        root.erase("program");
    }
    root["programs"] = std::move(programs);

    if (root.contains("participants") && root["participants"].is_array()) {
        auto& people = root["participants"];
        for (std::size_t i = 0; i < people.size(); ++i) {
            json& person = people[i];
            if (!person.is_object()) continue;
            const std::string base = "/participants/" + std::to_string(i);
            if (person.contains("skills") && person["skills"].is_array()) {
                for (json& skill : person["skills"])
                    if (skill.is_string()) skill = json{{"name", skill.get<std::string>()}, {"proficiency", 3}};
            }
            if (person.contains("availability") && person["availability"].is_array()) {
                auto& windows = person["availability"];
                for (std::size_t w = 0; w < windows.size(); ++w) {
                    if (!windows[w].is_string()) continue;
                    // "mon 09:00-12:00"
                    const std::string text = windows[w].get<std::string>();
                    if (text.size() != 15 || text[3] != ' ' || text[9] != '-') {
                        problems.push_back({base + "/availability/" + std::to_string(w),
                                            "\"" + text.substr(0, 40) + "\" is not a window like \"mon 09:00-12:00\""});
                        continue;
                    }
                    windows[w] = json{{"day", text.substr(0, 3)}, {"start", text.substr(4, 5)}, {"end", text.substr(10, 5)}};
                }
            }
        }
    }
    if (root.contains("pairs") && root["pairs"].is_array()) {
        for (json& pair : root["pairs"]) {
            if (!pair.is_object()) continue;
            if (pair.contains("mentor")) {
                pair["mentor_id"] = pair["mentor"];
                pair.erase("mentor");
            }
            if (pair.contains("mentee")) {
                pair["mentee_id"] = pair["mentee"];
                pair.erase("mentee");
            }
            pair["program_id"] = program_id;
        }
    }
    root.erase("flipside_version");
    root["format"] = "flipside";
    root["schema_version"] = 2;
}

}  // namespace

Result<int> migrate_to_current(json& root) {
    int version = 0;
    if (root.contains("schema_version")) {
        const json& value = root["schema_version"];
        if (!value.is_number_integer() && !value.is_number_unsigned())
            return Problem{"/schema_version", "expected a whole number"};
        const auto number = value.get<std::int64_t>();
        version = (number < 1 || number > 1000) ? -1 : static_cast<int>(number);
    } else if (root.contains("flipside_version")) {
        const json& value = root["flipside_version"];
        version = (value.is_number_integer() && value.get<std::int64_t>() == 1) ? 1 : -1;
    } else {
        return Problem{"/schema_version", "missing: this does not look like a Flipside file"};
    }
    if (version < 1) return Problem{"/schema_version", "unknown schema version"};
    if (version > kSchemaVersion)
        return Problem{"/schema_version", "written by a newer Flipside (schema version " + std::to_string(version) +
                                              "); this one reads up to " + std::to_string(kSchemaVersion)};
    if (version == kSchemaVersion) return 0;
    std::vector<Problem> problems;
    if (version == 1) migrate_v1_to_v2(root, problems);
    if (!problems.empty()) return problems;
    return version;
}

}  // namespace flipside::io
