package kz.region715.dsr.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a queued message's template and model into its text and HTML bodies. The outbox sender calls it when it
 * sends, outside any transaction, so that queuing a mail costs a business transaction one insert, not a rendering.
 */
@ApplicationScoped
class MailRenderer {

    /** The two bodies of a message. */
    record Rendered(String text, String html) {
    }

    private final ObjectMapper json;
    private final Map<MailTemplate, Template> texts = new EnumMap<>(MailTemplate.class);
    private final Map<MailTemplate, Template> htmls = new EnumMap<>(MailTemplate.class);
    /** Telegram's own texts where the e-mail's words would be wrong (they speak of an e-mail address). */
    private final Map<MailTemplate, Template> telegramTexts = new EnumMap<>(MailTemplate.class);

    MailRenderer(ObjectMapper json,
            @Location("mail/verification.txt") Template verificationText,
            @Location("mail/verification.html") Template verificationHtml,
            @Location("mail/acknowledgement.txt") Template acknowledgementText,
            @Location("mail/acknowledgement.html") Template acknowledgementHtml,
            @Location("mail/case-update.txt") Template caseUpdateText,
            @Location("mail/case-update.html") Template caseUpdateHtml,
            @Location("mail/breach-notice.txt") Template breachNoticeText,
            @Location("mail/breach-notice.html") Template breachNoticeHtml,
            @Location("telegram/verification.txt") Template verificationTelegram,
            @Location("telegram/acknowledgement.txt") Template acknowledgementTelegram) {
        this.json = json;
        texts.put(MailTemplate.VERIFICATION, verificationText);
        htmls.put(MailTemplate.VERIFICATION, verificationHtml);
        texts.put(MailTemplate.ACKNOWLEDGEMENT, acknowledgementText);
        htmls.put(MailTemplate.ACKNOWLEDGEMENT, acknowledgementHtml);
        texts.put(MailTemplate.CASE_UPDATE, caseUpdateText);
        htmls.put(MailTemplate.CASE_UPDATE, caseUpdateHtml);
        texts.put(MailTemplate.BREACH_NOTICE, breachNoticeText);
        htmls.put(MailTemplate.BREACH_NOTICE, breachNoticeHtml);
        telegramTexts.put(MailTemplate.VERIFICATION, verificationTelegram);
        telegramTexts.put(MailTemplate.ACKNOWLEDGEMENT, acknowledgementTelegram);
    }

    /** The model as stored with the message. */
    String store(MailModel model) {
        try {
            return json.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mail model not serialisable", e);
        }
    }

    /** The bodies of a stored model for {@code channel}: Telegram takes the text alone. */
    Rendered render(MailTemplate template, String storedModel, OutboxChannel channel) {
        if (channel != OutboxChannel.TELEGRAM) {
            return render(template, storedModel);
        }
        MailModel model = read(template, storedModel);
        Template text = telegramTexts.getOrDefault(template, texts.get(template));
        return new Rendered(text.data("m", model).setLocale(Locale.forLanguageTag(model.lang())).render(), null);
    }

    /** Both bodies of a stored model, in the model's language. */
    Rendered render(MailTemplate template, String storedModel) {
        return render(template, read(template, storedModel));
    }

    private MailModel read(MailTemplate template, String storedModel) {
        MailModel model;
        try {
            model = json.readValue(storedModel, template.model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored mail model is unreadable", e);
        }
        return model;
    }

    Rendered render(MailTemplate template, MailModel model) {
        Locale locale = Locale.forLanguageTag(model.lang());
        return new Rendered(texts.get(template).data("m", model).setLocale(locale).render(),
                htmls.get(template).data("m", model).setLocale(locale).render());
    }
}
