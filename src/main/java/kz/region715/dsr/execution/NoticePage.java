package kz.region715.dsr.execution;

/** Data of templates/package/notice.html: an expired or unusable download link, explained. */
public record NoticePage(String lang, String title, String body) {
}
