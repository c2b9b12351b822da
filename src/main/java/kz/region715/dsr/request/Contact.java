package kz.region715.dsr.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.PhoneNumber;

/**
 * How to reach the subject: the e-mail address as given (web requests) or the Telegram user id (requests filed by the
 * bot), the name, the phone in E.164. Personal data: all of it goes
 * when the request is erased or reduced, and then every accessor answers null.
 */
@Embeddable
public class Contact {

    private String email;
    private String name;
    private String phone;
    @Column(name = "telegram_user_id")
    private String telegramUserId;

    protected Contact() {
    }

    /** @param phone null when the subject gave none */
    public Contact(EmailAddress email, String name, PhoneNumber phone) {
        this.email = email.asGiven();
        this.name = name;
        this.phone = phone == null ? null : phone.e164();
    }

    /** A subject who came through the Telegram bot: no e-mail, written to in Telegram. */
    public static Contact ofTelegram(String telegramUserId, String name, PhoneNumber phone) {
        Contact contact = new Contact();
        contact.telegramUserId = telegramUserId;
        contact.name = name;
        contact.phone = phone == null ? null : phone.e164();
        return contact;
    }

    /** Nothing left to reach the subject with. */
    static Contact erased() {
        return new Contact();
    }

    /** The address the subject gave (stored as given, matched normalised); null once erased. */
    public EmailAddress email() {
        return email == null ? null : EmailAddress.parse(email);
    }

    /** The address as the subject gave it, for sending; null once erased. */
    public String emailAsGiven() {
        return email;
    }

    public String name() {
        return name;
    }

    /** Null when the subject gave none, or once erased. */
    public PhoneNumber phone() {
        return phone == null ? null : new PhoneNumber(phone);
    }

    /** The phone in E.164, as leads are matched by it; null when there is none. */
    public String phoneE164() {
        return phone;
    }

    /** The Telegram user id (also the private chat's id), for a request filed by the bot; null otherwise or once erased. */
    public String telegramUserId() {
        return telegramUserId;
    }

    /** Whether anything is left to write to: an address or a Telegram chat. */
    public boolean reachable() {
        return email != null || telegramUserId != null;
    }

    /** What rate limits count filings and re-sent links by: the normalised address, or the Telegram user. */
    String rateLimitKey() {
        return email != null ? email().normalised() : "telegram:" + telegramUserId;
    }

    public boolean isErased() {
        return email == null && name == null && phone == null && telegramUserId == null;
    }

    /** Equal when every column is: replacing it with an equal value changes nothing (no dirty UPDATE). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Contact that && Objects.equals(email, that.email) && Objects.equals(name, that.name)
                && Objects.equals(phone, that.phone) && Objects.equals(telegramUserId, that.telegramUserId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(email, name, phone, telegramUserId);
    }
}
