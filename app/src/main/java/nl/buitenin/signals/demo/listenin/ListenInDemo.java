package nl.buitenin.signals.demo.listenin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.springframework.stereotype.Component;

import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;
import nl.buitenin.signals.internal.listenin.ListenInKind;
import nl.buitenin.signals.internal.listenin.ListenInLog;

/**
 * Buitenpad's managers (the team lead and the administrator) kept their listen-in days for two years: a day with the
 * front line, a few hours listening in and now and then a customer visit, some 12 to 16 hours a month each. In the busy
 * season of the last weeks they found hardly any time (a couple of hours listening in), and the early warning "less time
 * of managers with customers" says so.
 */
@Component
class ListenInDemo implements DemoStep {

    private final ListenInLog log;
    private final Users users;

    ListenInDemo(ListenInLog log, Users users) {
        this.log = log;
        this.users = users;
    }

    @Override
    public int order() {
        return 620;
    }

    @Override
    public String name() {
        return "listen-in";
    }

    @Override
    public void load(DemoContext context) {
        Random random = context.random(name());
        List<User> managers = List.of("teamleider", "beheerder").stream().map(users::byUsername).flatMap(Optional::stream).toList();
        YearMonth busy = YearMonth.from(context.today()).minusMonths(1);
        for (User manager : managers) {
            for (YearMonth month = YearMonth.from(context.firstDay()); !month.isAfter(YearMonth.from(context.today())); month = month.plusMonths(1)) {
                boolean busySeason = !month.isBefore(busy);
                if (busySeason) {
                    entry(context, manager, month, 12 + random.nextInt(6), ListenInKind.LISTENING_IN, 1 + random.nextInt(2),
                            random.nextBoolean() ? "Drukke weken: alleen even meegeluisterd." : null);
                    continue;
                }
                entry(context, manager, month, 3 + random.nextInt(8), ListenInKind.SHADOW_DAY, 6 + random.nextInt(3),
                        random.nextInt(3) == 0 ? "Meegelopen met de reisadviseurs." : null);
                entry(context, manager, month, 12 + random.nextInt(8), ListenInKind.LISTENING_IN, 2 + random.nextInt(3), null);
                if (random.nextInt(3) > 0) {
                    entry(context, manager, month, 21 + random.nextInt(6), ListenInKind.CUSTOMER_VISIT, 2 + random.nextInt(3), null);
                }
            }
        }
    }

    private void entry(DemoContext context, User manager, YearMonth month, int dayOfMonth, ListenInKind kind, int hours, @org.jspecify.annotations.Nullable String note) {
        LocalDate day = month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
        if (day.isBefore(context.firstDay()) || day.isAfter(context.today())) {
            return;
        }
        log.insert(manager.username(), manager.team(), day, kind, hours, note,
                day.atTime(LocalTime.of(17, 0)).atZone(context.zone()).toInstant());
    }
}
