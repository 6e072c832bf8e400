/**
 * Customer groups (C8, seed 000): groups of the people the organisation serves, formed three ways — by a rule over
 * attributes that arrive with persons (pace preference, age band, number of trips), chosen by the person themselves,
 * or found in the data — with every membership's history (from–to), so that a response is counted in the group its
 * person belonged to when they answered. Per group the scores (NPS, CSAT, CES) side by side with n and interval, and
 * the difference between two groups (insight's {@code Comparisons}). Memberships and attributes are personal data,
 * held for the purpose "customer groups".
 */
@ApplicationModule(displayName = "Customer groups", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy",
        "listening",
        "journey",
        "demand",
        "insight",
        "insight :: readings",
        "loop",
        "textinsight" })
@NullMarked
package nl.buitenin.groups;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
