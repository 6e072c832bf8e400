package nl.buitenin.demand.internal.volume;

import java.util.Locale;

import org.springframework.context.MessageSource;

import nl.buitenin.journey.Channel;

/** One series of counts: a channel at a location. */
public record SeriesKey(Channel channel, String location) {

    /** The series as the pages' {@code series} parameter carries it: {@code PHONE|Utrecht}. */
    public String parameter() {
        return channel.name() + "|" + location;
    }

    /** The series as a person reads it: "Telefoon, Utrecht". */
    public String name(MessageSource messages, Locale locale) {
        return messages.getMessage(channel.messageKey(), null, channel.name(), locale) + ", " + location;
    }

    @Override
    public String toString() {
        return channel.name().toLowerCase(java.util.Locale.ROOT) + " @ " + location;
    }
}
