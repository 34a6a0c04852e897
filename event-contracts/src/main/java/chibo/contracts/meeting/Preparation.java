package chibo.contracts.meeting;

/** How the meeting was prepared (HD 12-HD/BTCTW, 2018). */
public record Preparation(boolean contentBySecretary, boolean committeeMetBeforehand, boolean draftResolution) {
}
