// A participant device's state (core/participants/device_state.h) as JSON, for the browser's
// storage: the invitation in its own file form (invitation_json.h), the changes with the values
// they replaced, and the rest as plain fields. Reading refuses, naming `source`, anything that is
// not such a state, and an invitation whose seal does not match; an expired invitation is read
// (the app says it expired and keeps what was entered).
#pragma once

#include <string>
#include <string_view>

#include "core/participants/device_state.h"
#include "core/result.h"

namespace flipside::io {

std::string write_participant_device_json(const participants::DeviceState& state);
Result<participants::DeviceState> read_participant_device_json(std::string_view text, const std::string& source);

}  // namespace flipside::io
