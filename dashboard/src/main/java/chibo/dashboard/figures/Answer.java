package chibo.dashboard.figures;

/** Figures as reporting-service answered them, with how current it said they are. */
public record Answer<T>(T figures, Freshness freshness) {
}
