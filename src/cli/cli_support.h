// What every subcommand shares: option parsing, reading and writing files, loading a document.
#pragma once

#include <optional>
#include <string>

#include "cli/commands.h"
#include "core/model.h"

namespace flipside::cli {

// Parsed "--name value" options and positional arguments.
class Options {
public:
    // `with_value` lists options that take a value ("-o", "--seed"); `flags` those that don't.
    Options(const Arguments& args, std::initializer_list<const char*> with_value,
            std::initializer_list<const char*> flags = {});
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::string> values(const std::string& name) const;  // an option given several times
    bool flag(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::vector<std::pair<std::string, std::string>> values_;
    std::vector<std::string> flags_;
    std::vector<std::string> positional_;
    std::string error_;
};

// Whole file as bytes; nullopt with a message on stderr when it cannot be read.
std::optional<std::string> read_file(const std::string& path, const char* command);
// Writes via a temporary file and a rename, so a failed write never truncates the target.
bool write_file(const std::string& path, const std::string& content, const char* command);

// Reads and validates a Flipside file; prints each problem as "<file>:<json path>: <reason>"
// to stderr and returns nullopt when it is not valid.
std::optional<Document> load_document(const std::string& path, const char* command);

// Now, as the commands that stamp times see it: the system clock, or FLIPSIDE_NOW
// ("YYYY-MM-DDTHH:MM:SSZ") when set, for reproducible files and tests. nullopt with a message
// on stderr when FLIPSIDE_NOW is set but not such a time.
std::optional<UtcSeconds> current_time(const char* command);

// `count` bytes from the operating system's source of randomness (std::random_device).
std::string random_bytes(std::size_t count);

// A whole number in [min, max], or nullopt.
std::optional<long long> parse_integer(const std::string& text, long long min, long long max);

// Prints "flipside <command>: <message>" to stderr and returns the usage exit code 2.
int usage_error(const char* command, const std::string& message);

}  // namespace flipside::cli
