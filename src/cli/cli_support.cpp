#include "cli/cli_support.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <fstream>
#include <sstream>

#include "io/json_document.h"
#include "platform/interface/time_zones.h"

namespace flipside::cli {

Options::Options(const Arguments& args, std::initializer_list<const char*> with_value,
                 std::initializer_list<const char*> flags) {
    auto listed = [](std::initializer_list<const char*> names, const std::string& arg) {
        return std::any_of(names.begin(), names.end(), [&](const char* n) { return arg == n; });
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (listed(with_value, arg)) {
            if (i + 1 >= args.size()) {
                error_ = arg + " needs a value";
                return;
            }
            values_.emplace_back(arg, args[++i]);
        } else if (listed(flags, arg)) {
            flags_.push_back(arg);
        } else if (arg.size() > 1 && arg[0] == '-') {
            error_ = "unknown option " + arg;
            return;
        } else {
            positional_.push_back(arg);
        }
    }
}

std::optional<std::string> Options::value(const std::string& name) const {
    for (auto it = values_.rbegin(); it != values_.rend(); ++it)
        if (it->first == name) return it->second;
    return std::nullopt;
}

std::vector<std::string> Options::values(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [key, value] : values_)
        if (key == name) out.push_back(value);
    return out;
}

bool Options::flag(const std::string& name) const {
    return std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

std::optional<std::string> read_file(const std::string& path, const char* command) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "flipside %s: cannot open %s\n", command, path.c_str());
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    if (file.bad()) {
        std::fprintf(stderr, "flipside %s: cannot read %s\n", command, path.c_str());
        return std::nullopt;
    }
    return buffer.str();
}

bool write_file(const std::string& path, const std::string& content, const char* command) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file || !file.write(content.data(), static_cast<std::streamsize>(content.size())) || !file.flush()) {
            std::fprintf(stderr, "flipside %s: cannot write %s\n", command, path.c_str());
            std::remove(temporary.c_str());
            return false;
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::fprintf(stderr, "flipside %s: cannot write %s\n", command, path.c_str());
        std::remove(temporary.c_str());
        return false;
    }
    return true;
}

std::optional<Document> load_document(const std::string& path, const char* command) {
    const auto text = read_file(path, command);
    if (!text) return std::nullopt;
    Result<io::LoadedDocument> read = io::read_document_json(*text, platform::system_time_zones());
    if (!read) {
        const std::vector<Problem>& problems = read.problems();
        for (const Problem& problem : problems)
            std::fprintf(stderr, "%s:%s\n", path.c_str(), describe(problem).c_str());
        std::fprintf(stderr, "flipside %s: %s is not a valid Flipside file (%zu problem%s)\n", command, path.c_str(),
                     problems.size(), problems.size() == 1 ? "" : "s");
        return std::nullopt;
    }
    return std::move(read->document);
}

std::optional<UtcSeconds> current_time(const char* command) {
    const char* fixed = std::getenv("FLIPSIDE_NOW");
    if (!fixed || !*fixed) return static_cast<UtcSeconds>(std::time(nullptr));
    const auto parsed = parse_utc_timestamp(fixed);
    if (!parsed) std::fprintf(stderr, "flipside %s: FLIPSIDE_NOW=\"%s\" is not a UTC time YYYY-MM-DDTHH:MM:SSZ\n", command, fixed);
    return parsed;
}

std::string random_bytes(std::size_t count) {
    static std::random_device device;  // opened once: a batch of 50,000 invitations asks 100,000 times
    std::string bytes;
    while (bytes.size() < count) {
        const unsigned int word = device();
        for (std::size_t i = 0; i < sizeof(word) && bytes.size() < count; ++i)
            bytes.push_back(static_cast<char>((word >> (8 * i)) & 0xFF));
    }
    return bytes;
}

std::optional<long long> parse_integer(const std::string& text, long long min, long long max) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (errno != 0 || end != text.c_str() + text.size() || value < min || value > max) return std::nullopt;
    return value;
}

int usage_error(const char* command, const std::string& message) {
    std::fprintf(stderr, "flipside %s: %s\n", command, message.c_str());
    return 2;
}

}  // namespace flipside::cli
