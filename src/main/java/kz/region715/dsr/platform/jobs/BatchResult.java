package kz.region715.dsr.platform.jobs;

/** What a run of a time-driven job did: items done, items that failed (left for the next run). */
public record BatchResult(int done, int failed) {

    public static final BatchResult NOTHING = new BatchResult(0, 0);

    public BatchResult plus(BatchResult other) {
        return new BatchResult(done + other.done, failed + other.failed);
    }
}
