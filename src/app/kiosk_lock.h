// The kiosk lock: participants use a shared screen in kiosk mode, and only someone with the
// coordinator's PIN can leave it. The PIN is kept only as a salted PBKDF2-HMAC-SHA-256 hash
// (computed in the core: crypto.subtle is missing on plain-http pages), wrong PINs are
// rate-limited across reloads, and the mode itself survives a reload so that reloading the
// page is no way out. Stored per namespace, apart from the program data (never exported).
#pragma once

#include <string>

#include "core/result.h"
#include "platform/interface/platform.h"

namespace flipside::app {

class KioskLock {
public:
    static constexpr std::uint32_t kIterations = 60000;
    static constexpr int kFreeAttempts = 3;           // wrong PINs before a wait is imposed
    static constexpr int kFirstLockoutSeconds = 30;   // doubled for each further wrong PIN
    static constexpr int kMaxLockoutSeconds = 15 * 60;

    KioskLock(platform::Storage& storage, platform::Clock& clock, const std::string& storage_namespace);

    bool has_pin() const { return !hash_.empty(); }
    // Refused, with why, when the PIN is too short, too long or one character repeated.
    Result<void> set_pin(const std::string& pin);

    bool in_kiosk_mode() const { return kiosk_mode_; }
    // Needs a PIN to be set; returns false otherwise.
    bool enter_kiosk_mode();

    enum class UnlockResult { Accepted, Wrong, LockedOut };
    UnlockResult leave_kiosk_mode(const std::string& pin);
    // Seconds to wait before another PIN may be tried (0 when one may).
    int seconds_locked() const;

    int idle_seconds() const { return idle_seconds_; }
    void set_idle_seconds(int seconds);

private:
    void load();
    void save() const;
    std::string derive(const std::string& pin, const std::string& salt_hex) const;

    platform::Storage& storage_;
    platform::Clock& clock_;
    std::string key_;
    std::string salt_hex_;
    std::string hash_;
    int idle_seconds_ = 90;
    bool kiosk_mode_ = false;
    int failures_ = 0;
    UtcSeconds locked_until_ = 0;
};

}  // namespace flipside::app
