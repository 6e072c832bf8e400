package nl.buitenin.contact.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;

/**
 * The policy settings page's form: shares in percent; per touchpoint an optional percentage that differs
 * from the general one (left empty: the general one applies).
 */
public class PolicyForm {

    private String samplePercent = "20";
    /** Touchpoint id to percentage text; blank means "the general percentage". */
    private Map<String, String> touchpointShares = new LinkedHashMap<>();
    private String samplingPeriodDays = "30";
    private String recontactDays = "30";
    private String capPerQuarter = "2";
    private String capPerYear = "4";
    private String quietFrom = "20:00";
    private String quietUntil = "09:00";
    private List<String> quietDays = new ArrayList<>();
    private String operationalContactDays = "3";
    private String invitationChannel = "EMAIL";
    private String maxInvitationDelayHours = "24";

    public static PolicyForm of(Policy policy) {
        PolicyForm form = new PolicyForm();
        form.samplePercent = percent(policy.sampleShare());
        policy.touchpointShares().forEach((touchpoint, share) -> form.touchpointShares.put(touchpoint.toString(), percent(share)));
        form.samplingPeriodDays = String.valueOf(policy.samplingPeriodDays());
        form.recontactDays = String.valueOf(policy.recontactDays());
        form.capPerQuarter = String.valueOf(policy.capPerQuarter());
        form.capPerYear = String.valueOf(policy.capPerYear());
        form.quietFrom = policy.quietFrom().toString();
        form.quietUntil = policy.quietUntil().toString();
        form.quietDays = policy.quietDays().stream().sorted().map(DayOfWeek::name).toList();
        form.operationalContactDays = String.valueOf(policy.operationalContactDays());
        form.invitationChannel = policy.invitationChannel().name();
        form.maxInvitationDelayHours = String.valueOf(policy.maxInvitationDelay().toHours());
        return form;
    }

    public PolicyFile toFile() {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Double share = number("samplePercent", samplePercent, errors);
        Map<String, Double> shares = new LinkedHashMap<>();
        touchpointShares.forEach((touchpoint, text) -> {
            if (!RequestValues.blank(text)) {
                Double value = number("touchpointShares[" + touchpoint + "]", text, errors);
                if (value != null) {
                    shares.put(touchpoint, value / 100.0);
                }
            }
        });
        Integer period = whole("samplingPeriodDays", samplingPeriodDays, errors);
        Integer recontact = whole("recontactDays", recontactDays, errors);
        Integer quarter = whole("capPerQuarter", capPerQuarter, errors);
        Integer year = whole("capPerYear", capPerYear, errors);
        Integer operational = whole("operationalContactDays", operationalContactDays, errors);
        Integer maxDelay = whole("maxInvitationDelayHours", maxInvitationDelayHours, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PolicyFile(share / 100.0, shares, period, recontact, quarter, year, quietFrom, quietUntil, quietDays, operational,
                invitationChannel, maxDelay);
    }

    private static String percent(double share) {
        double percent = share * 100;
        return percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent);
    }

    private static Double number(String field, String text, List<InvalidInputException.FieldError> errors) {
        return RequestValues.collecting(errors, () -> RequestValues.require(RequestValues.decimal(field, text, "contact.invalid.number"),
                field, "contact.invalid.number", text));
    }

    private static Integer whole(String field, String text, List<InvalidInputException.FieldError> errors) {
        return RequestValues.collecting(errors, () -> RequestValues.require(RequestValues.whole(field, text, "contact.invalid.wholeNumber"),
                field, "contact.invalid.wholeNumber", text));
    }

    public String getSamplePercent() { return samplePercent; }
    public void setSamplePercent(String samplePercent) { this.samplePercent = samplePercent; }
    public Map<String, String> getTouchpointShares() { return touchpointShares; }
    public void setTouchpointShares(Map<String, String> touchpointShares) {
        this.touchpointShares = touchpointShares == null ? new LinkedHashMap<>() : new LinkedHashMap<>(touchpointShares);
    }
    public String getSamplingPeriodDays() { return samplingPeriodDays; }
    public void setSamplingPeriodDays(String samplingPeriodDays) { this.samplingPeriodDays = samplingPeriodDays; }
    public String getRecontactDays() { return recontactDays; }
    public void setRecontactDays(String recontactDays) { this.recontactDays = recontactDays; }
    public String getCapPerQuarter() { return capPerQuarter; }
    public void setCapPerQuarter(String capPerQuarter) { this.capPerQuarter = capPerQuarter; }
    public String getCapPerYear() { return capPerYear; }
    public void setCapPerYear(String capPerYear) { this.capPerYear = capPerYear; }
    public String getQuietFrom() { return quietFrom; }
    public void setQuietFrom(String quietFrom) { this.quietFrom = quietFrom; }
    public String getQuietUntil() { return quietUntil; }
    public void setQuietUntil(String quietUntil) { this.quietUntil = quietUntil; }
    public List<String> getQuietDays() { return quietDays; }
    public void setQuietDays(List<String> quietDays) { this.quietDays = quietDays == null ? new ArrayList<>() : quietDays; }
    public String getOperationalContactDays() { return operationalContactDays; }
    public void setOperationalContactDays(String operationalContactDays) { this.operationalContactDays = operationalContactDays; }
    public String getInvitationChannel() { return invitationChannel; }
    public void setInvitationChannel(String invitationChannel) { this.invitationChannel = invitationChannel; }
    public String getMaxInvitationDelayHours() { return maxInvitationDelayHours; }
    public void setMaxInvitationDelayHours(String maxInvitationDelayHours) { this.maxInvitationDelayHours = maxInvitationDelayHours; }
}
