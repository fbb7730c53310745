#include "io/journal_json.h"

#include <nlohmann/json.hpp>

#include "io/json_document.h"
#include "io/json_records.h"

namespace flipside::io {

using nlohmann::json;

namespace {

template <typename Record>
json changes_to_json(const std::vector<RecordChange<Record>>& changes) {
    json out = json::array();
    for (const RecordChange<Record>& change : changes) {
        if (change.before && change.after) {
            out.push_back({{"replace", change.before->id}, {"record", record_to_json(*change.after)}});
        } else if (change.after) {
            json position = change.position == kAppend ? json(nullptr) : json(change.position);
            out.push_back({{"insert", position}, {"record", record_to_json(*change.after)}});
        } else if (change.before) {
            out.push_back({{"remove", change.before->id}});
        }
    }
    return out;
}

template <typename Record>
void add_changes(json& edit, const char* key, const std::vector<RecordChange<Record>>& changes) {
    if (!changes.empty()) edit[key] = changes_to_json(changes);
}

// Reads one collection's changes; false with `problem` set on the first thing wrong.
template <typename Record>
bool read_changes(const json& edit, const char* key, const std::string& path,
                  std::vector<RecordChange<Record>>& out, std::string& problem) {
    const auto found = edit.find(key);
    if (found == edit.end()) return true;
    if (!found->is_array()) {
        problem = path + "/" + key + ": expected a list of changes";
        return false;
    }
    for (std::size_t i = 0; i < found->size(); ++i) {
        const json& change = (*found)[i];
        const std::string at = path + "/" + key + "/" + std::to_string(i);
        if (!change.is_object()) {
            problem = at + ": expected an object";
            return false;
        }
        RecordChange<Record> decoded;
        const auto id_of = [&](const char* field) -> bool {
            const auto value = change.find(field);
            if (value == change.end() || !value->is_string()) {
                problem = at + "/" + field + ": expected the id of a record";
                return false;
            }
            decoded.before = Record{};
            decoded.before->id = value->get<std::string>();  // apply_edit finds records by id
            return true;
        };
        if (change.contains("remove")) {
            if (!id_of("remove")) return false;
        } else {
            if (change.contains("replace") && !id_of("replace")) return false;
            if (change.contains("insert")) {
                const json& position = change["insert"];
                if (position.is_number_unsigned()) {
                    decoded.position = position.get<std::size_t>();
                } else if (!position.is_null()) {
                    problem = at + "/insert: expected a position or null";
                    return false;
                }
            } else if (!decoded.before) {
                problem = at + ": expected \"replace\", \"insert\" or \"remove\"";
                return false;
            }
            const auto record = change.find("record");
            if (record == change.end()) {
                problem = at + "/record: missing";
                return false;
            }
            std::vector<Problem> problems;
            Record value;
            if (!read_record(*record, at + "/record", value, problems)) {
                problem = problems.front().path + ": " + problems.front().reason;
                return false;
            }
            decoded.after = std::move(value);
        }
        out.push_back(std::move(decoded));
    }
    return true;
}

}  // namespace

std::string encode_journal_entry(const std::vector<Edit>& edits, std::uint64_t sequence, UtcSeconds saved_at) {
    json list = json::array();
    for (const Edit& edit : edits) {
        json out{{"label", edit.label}};
        add_changes(out, "programs", edit.programs);
        add_changes(out, "participants", edit.participants);
        add_changes(out, "pairs", edit.pairs);
        add_changes(out, "sessions", edit.sessions);
        add_changes(out, "feedback", edit.feedback);
        list.push_back(std::move(out));
    }
    const json entry{{"journal", kJournalFormat}, {"schema_version", kSchemaVersion}, {"sequence", sequence},
                     {"saved_at", saved_at}, {"edits", list}};
    return entry.dump(-1, ' ', false, json::error_handler_t::replace);
}

DecodedJournalEntry decode_journal_entry(std::string_view text) {
    DecodedJournalEntry result;
    const json entry = json::parse(text.begin(), text.end(), nullptr, false);
    if (entry.is_discarded() || !entry.is_object()) {
        result.problem = "/: not a journal entry (unreadable JSON)";
        return result;
    }
    const auto format = entry.find("journal");
    if (format == entry.end() || !format->is_number_integer()) {
        result.problem = "/journal: missing format number";
        return result;
    }
    if (format->get<long long>() > kJournalFormat) {
        result.newer_format = true;
        result.problem = "/journal: format " + std::to_string(format->get<long long>()) +
                         " is newer than this version of Flipside reads (" + std::to_string(kJournalFormat) + ")";
        return result;
    }
    // The records inside are in the document's schema of the version that wrote them.
    if (const auto schema = entry.find("schema_version"); schema != entry.end()) {
        if (!schema->is_number_integer()) {
            result.problem = "/schema_version: expected a whole number";
            return result;
        }
        if (schema->get<long long>() > kSchemaVersion) {
            result.newer_format = true;
            result.problem = "/schema_version: records of schema version " + std::to_string(schema->get<long long>()) +
                             ", newer than this version of Flipside reads (" + std::to_string(kSchemaVersion) + ")";
            return result;
        }
    }
    const auto sequence = entry.find("sequence");
    const auto saved_at = entry.find("saved_at");
    const auto edits = entry.find("edits");
    if (sequence == entry.end() || !sequence->is_number_unsigned()) {
        result.problem = "/sequence: expected a number";
        return result;
    }
    if (saved_at == entry.end() || !saved_at->is_number_integer()) {
        result.problem = "/saved_at: expected a number";
        return result;
    }
    if (edits == entry.end() || !edits->is_array()) {
        result.problem = "/edits: expected a list";
        return result;
    }
    result.entry.sequence = sequence->get<std::uint64_t>();
    result.entry.saved_at = saved_at->get<UtcSeconds>();
    for (std::size_t i = 0; i < edits->size(); ++i) {
        const json& value = (*edits)[i];
        const std::string path = "/edits/" + std::to_string(i);
        if (!value.is_object()) {
            result.problem = path + ": expected an object";
            return result;
        }
        Edit edit;
        if (const auto label = value.find("label"); label != value.end() && label->is_string())
            edit.label = label->get<std::string>();
        if (!read_changes(value, "programs", path, edit.programs, result.problem) ||
            !read_changes(value, "participants", path, edit.participants, result.problem) ||
            !read_changes(value, "pairs", path, edit.pairs, result.problem) ||
            !read_changes(value, "sessions", path, edit.sessions, result.problem) ||
            !read_changes(value, "feedback", path, edit.feedback, result.problem))
            return result;
        result.entry.edits.push_back(std::move(edit));
    }
    result.ok = true;
    return result;
}

}  // namespace flipside::io
