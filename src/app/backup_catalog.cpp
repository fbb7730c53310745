#include "app/backup_catalog.h"

#include <algorithm>
#include <sstream>

namespace flipside::app {

namespace {

constexpr std::string_view kHeader = "FLIPSIDE-BACKUPS 1";

bool read_number(std::string_view& line, std::int64_t& value) {
    std::size_t at = 0;
    while (at < line.size() && line[at] == ' ') ++at;
    bool negative = false;
    if (at < line.size() && line[at] == '-') { negative = true; ++at; }
    const std::size_t start = at;
    std::int64_t number = 0;
    while (at < line.size() && line[at] >= '0' && line[at] <= '9' && at - start < 18)
        number = number * 10 + (line[at++] - '0');
    if (at == start || (at < line.size() && line[at] != ' ')) return false;
    value = negative ? -number : number;
    line.remove_prefix(at);
    return true;
}

// The end of the UTC day `day_offset` days before the day of `now` (exclusive).
UtcSeconds end_of_day_before(UtcSeconds now, int day_offset) {
    return (floor_days(now) - day_offset + 1) * kSecondsPerDay;
}

}  // namespace

std::vector<KeptGeneration> decode_backup_catalog(std::string_view text) {
    std::vector<KeptGeneration> out;
    if (text.substr(0, kHeader.size()) != kHeader) return out;
    text.remove_prefix(kHeader.size());
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        std::int64_t generation = 0, snapshot_at = 0, last_saved_at = 0, entries = 0;
        if (!read_number(line, generation) || !read_number(line, snapshot_at) ||
            !read_number(line, last_saved_at) || !read_number(line, entries) || !line.empty() ||
            generation < 0 || entries < 0)
            continue;
        if (!out.empty() && static_cast<std::uint64_t>(generation) <= out.back().generation) continue;
        out.push_back({static_cast<std::uint64_t>(generation), snapshot_at, last_saved_at,
                       static_cast<std::uint64_t>(entries)});
    }
    return out;
}

std::string encode_backup_catalog(const std::vector<KeptGeneration>& generations) {
    std::ostringstream out;
    out << kHeader << '\n';
    for (const KeptGeneration& g : generations)
        out << g.generation << ' ' << g.snapshot_at << ' ' << g.last_saved_at << ' ' << g.entries << '\n';
    return out.str();
}

std::set<std::uint64_t> generations_to_keep(const std::vector<KeptGeneration>& generations, UtcSeconds now) {
    std::set<std::uint64_t> keep;
    if (generations.empty()) return keep;
    keep.insert(generations.back().generation);
    // Newest generations first until they hold the latest versions (each has entries + 1).
    std::uint64_t versions = 0;
    for (auto g = generations.rbegin(); g != generations.rend() && versions < kRecentVersionsKept; ++g) {
        keep.insert(g->generation);
        versions += g->entries + 1;
    }
    // A day's last version is in the last generation begun before the day ended, if that one
    // was still saved to on the day (else nothing was saved that day).
    for (int day = 0; day < kDailyVersionsKept; ++day) {
        const UtcSeconds day_end = end_of_day_before(now, day);
        for (auto g = generations.rbegin(); g != generations.rend(); ++g) {
            if (g->snapshot_at >= day_end) continue;
            if (g->last_saved_at >= day_end - kSecondsPerDay) keep.insert(g->generation);
            break;
        }
    }
    return keep;
}

std::vector<RestorePoint> restore_points_to_offer(std::vector<RestorePoint> points, UtcSeconds now) {
    const auto newer = [](const RestorePoint& a, const RestorePoint& b) {
        if (a.saved_at != b.saved_at) return a.saved_at > b.saved_at;
        if (a.generation != b.generation) return a.generation > b.generation;
        return a.entries > b.entries;
    };
    std::sort(points.begin(), points.end(), newer);
    std::vector<RestorePoint> out;
    for (std::size_t i = 0; i < points.size() && i < kRecentVersionsKept; ++i) out.push_back(points[i]);
    for (int day = 0; day < kDailyVersionsKept; ++day) {
        const UtcSeconds day_end = end_of_day_before(now, day);
        const UtcSeconds day_start = day_end - kSecondsPerDay;
        for (const RestorePoint& point : points) {
            if (point.saved_at >= day_end || point.saved_at < day_start) continue;
            if (std::find(out.begin(), out.end(), point) == out.end()) out.push_back(point);
            break;  // newest first: the day's last
        }
    }
    std::sort(out.begin(), out.end(), newer);
    return out;
}

}  // namespace flipside::app
