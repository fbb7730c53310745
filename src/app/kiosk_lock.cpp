#include "app/kiosk_lock.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/sha256.h"

namespace flipside::app {

namespace {

// Compares without stopping at the first difference, so timing says nothing about the hash.
bool same_text(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

}  // namespace

KioskLock::KioskLock(platform::Storage& storage, platform::Clock& clock, const std::string& storage_namespace)
    : storage_(storage), clock_(clock), key_("flipside/" + storage_namespace + "/kiosk") {
    load();
}

// "kiosk-v1 <salt> <hash> <idle seconds> <mode 0|1> <failures> <locked until>"
void KioskLock::load() {
    const auto text = storage_.read(key_);
    if (!text) return;
    std::istringstream in(*text);
    std::string tag, salt, hash;
    int idle = 90, mode = 0, failures = 0;
    long long locked_until = 0;
    if (!(in >> tag >> salt >> hash >> idle >> mode >> failures >> locked_until) || tag != "kiosk-v1") return;
    salt_hex_ = salt == "-" ? "" : salt;
    hash_ = hash == "-" ? "" : hash;
    idle_seconds_ = std::clamp(idle, 15, 3600);
    kiosk_mode_ = mode == 1 && !hash_.empty();
    failures_ = std::max(0, failures);
    locked_until_ = locked_until;
}

void KioskLock::save() const {
    std::ostringstream out;
    out << "kiosk-v1 " << (salt_hex_.empty() ? "-" : salt_hex_) << ' ' << (hash_.empty() ? "-" : hash_) << ' '
        << idle_seconds_ << ' ' << (kiosk_mode_ ? 1 : 0) << ' ' << failures_ << ' ' << locked_until_;
    storage_.write(key_, out.str());
}

std::string KioskLock::derive(const std::string& pin, const std::string& salt_hex) const {
    return to_hex(pbkdf2_hmac_sha256(pin, salt_hex, kIterations, 32));
}

Result<void> KioskLock::set_pin(const std::string& pin) {
    if (pin.size() < 4 || pin.size() > 32) return Problem{"", "The PIN must have 4 to 32 characters."};
    if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin[0]; }))
        return Problem{"", "Choose a PIN that is not one character repeated."};
    // The salt only has to differ between devices and PINs, not be secret: it is drawn from the
    // clocks and the previous salt rather than from a random source the core does not have.
    std::ostringstream seed;
    seed << clock_.now_utc() << ':' << clock_.monotonic_seconds() << ':' << salt_hex_ << ':' << key_;
    const Sha256Digest salt = sha256(seed.str());
    salt_hex_ = to_hex(salt.data(), 16);
    hash_ = derive(pin, salt_hex_);
    failures_ = 0;
    locked_until_ = 0;
    save();
    return {};
}

bool KioskLock::enter_kiosk_mode() {
    if (!has_pin()) return false;
    kiosk_mode_ = true;
    save();
    return true;
}

int KioskLock::seconds_locked() const {
    const UtcSeconds now = clock_.now_utc();
    return locked_until_ > now ? static_cast<int>(locked_until_ - now) : 0;
}

KioskLock::UnlockResult KioskLock::leave_kiosk_mode(const std::string& pin) {
    if (seconds_locked() > 0) return UnlockResult::LockedOut;
    if (has_pin() && same_text(derive(pin, salt_hex_), hash_)) {
        kiosk_mode_ = false;
        failures_ = 0;
        locked_until_ = 0;
        save();
        return UnlockResult::Accepted;
    }
    ++failures_;
    if (failures_ >= kFreeAttempts) {
        const int doublings = std::min(failures_ - kFreeAttempts, 10);
        const int wait = std::min(kFirstLockoutSeconds << doublings, kMaxLockoutSeconds);
        locked_until_ = clock_.now_utc() + wait;
    }
    save();
    return UnlockResult::Wrong;
}

void KioskLock::set_idle_seconds(int seconds) {
    idle_seconds_ = std::clamp(seconds, 15, 3600);
    save();
}

}  // namespace flipside::app
