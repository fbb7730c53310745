// What a fallible operation gives back, in one shape across the project (io's readers and
// parsers, app's actions, the engines' entry points that can refuse): Result<T> holds either
// the value or the problems that stopped it, never both and never neither.
//
// Each Problem says where and what:
//   - path: where, in the input's own terms: a JSON Pointer into a document
//     ("/participants/3/email"), a place in a CSV file ("row 3, column 1"). Empty when the
//     reason is about the whole input or names its place in its own words ("line 2 holds a
//     NUL byte: this is not a text file").
//   - reason: what is wrong, in words a coordinator can act on.
// describe() writes one as "path: reason" (the reason alone when there is no path), so every
// message made from problems reads the same wherever it is shown.
//
//   Result<CsvTable> read = read_csv(bytes);
//   if (!read) return show(read.message());   // "row 3, column 1: a quoted value ... is never closed"
//   use(*read);
//
// A function makes one with `return value;` or `return Problem{path, reason};` (or a list of
// problems). Result<void> is for operations that give nothing back but can refuse.
//
// Not everything is a Result: operations whose callers act differently on each kind of
// outcome keep an enumeration of outcomes (DocumentStore::SaveOutcome: storage full or
// failed; KioskLock::UnlockResult: wrong PIN or locked out; scheduling::SessionEditResult),
// and checks that list what is wrong with something valid to hold (validate_document(),
// a roster import's refused rows) return their problems as data.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flipside {

// One thing wrong, and where it is.
struct Problem {
    std::string path;    // "/participants/3/time_zone", "row 3, column 1", or empty
    std::string reason;  // "unknown time zone \"Mars/Olympus\""
};

// "path: reason", or the reason alone when there is no path.
std::string describe(const Problem& problem);
// Each problem described, joined by `separator`.
std::string describe(const std::vector<Problem>& problems, std::string_view separator = "; ");

template <typename T>
class [[nodiscard]] Result {
public:
    // Reference parameters, so that `return local;` moves the local (C++17's implicit move).
    Result(const T& value) : value_(value) {}
    Result(T&& value) : value_(std::move(value)) {}
    Result(Problem problem) : problems_{std::move(problem)} {}
    // `problems` must not be empty.
    Result(const std::vector<Problem>& problems) : problems_(problems) { assert(!problems_.empty()); }
    Result(std::vector<Problem>&& problems) : problems_(std::move(problems)) { assert(!problems_.empty()); }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    // The value. value() throws std::bad_optional_access when !ok(); the operators must only
    // be used after checking ok().
    T& value() & { return value_.value(); }
    const T& value() const& { return value_.value(); }
    T&& value() && { return std::move(value_.value()); }
    T& operator*() & { return *value_; }
    const T& operator*() const& { return *value_; }
    T&& operator*() && { return std::move(*value_); }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }

    // Why it failed; empty when ok().
    const std::vector<Problem>& problems() const { return problems_; }
    std::string message(std::string_view separator = "; ") const { return describe(problems_, separator); }

private:
    std::optional<T> value_;
    std::vector<Problem> problems_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;  // done
    Result(Problem problem) : problems_{std::move(problem)} {}
    Result(const std::vector<Problem>& problems) : problems_(problems) { assert(!problems_.empty()); }
    Result(std::vector<Problem>&& problems) : problems_(std::move(problems)) { assert(!problems_.empty()); }

    bool ok() const { return problems_.empty(); }
    explicit operator bool() const { return ok(); }
    const std::vector<Problem>& problems() const { return problems_; }
    std::string message(std::string_view separator = "; ") const { return describe(problems_, separator); }

private:
    std::vector<Problem> problems_;
};

}  // namespace flipside
