-- The themes of loop's taxonomy an analyst links to a market signal, so the signal's chain shows how many comments
-- carried each theme per month. Only the theme's id is kept: names and counts are read from loop when shown.
create table signals_signal_theme (
    signal_id uuid not null references signals_market_signal (id),
    theme_id  uuid not null,
    primary key (signal_id, theme_id)
);
