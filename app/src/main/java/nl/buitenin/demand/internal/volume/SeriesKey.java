package nl.buitenin.demand.internal.volume;

import nl.buitenin.journey.Channel;

/** One series of counts: a channel at a location. */
public record SeriesKey(Channel channel, String location) {

    @Override
    public String toString() {
        return channel.name().toLowerCase(java.util.Locale.ROOT) + " @ " + location;
    }
}
