/**
 * Honest readings of scores (C7.4–C7.6, C1.2): statistics that read a score beyond its face value, in plain Java
 * with no Spring, so the server's pages and the offline commands compute alike. Comparing two groups (NPS, CSAT,
 * means) with the difference's 95 % interval and p-value, and the minimum detectable difference a planned pilot
 * can show. Each method names its source; the tests check them against published worked examples or simulations
 * with a known truth.
 */
@org.springframework.modulith.NamedInterface("readings")
@NullMarked
package nl.buitenin.insight.readings;

import org.jspecify.annotations.NullMarked;
