#!/usr/bin/env python3
"""Generates interactions-2025.csv: a year of Buitenpad Wandelreizen interactions, deterministic (seed 2025).

1 500 customers; most book one or two trips a year, a few are regulars. A trip is a chain of
contacts: browsing and booking on the web, often a phone call with a question, the trip itself
(several days), sometimes an e-mail afterwards. Phone calls happen in office hours, web visits
mostly in the evening, trips peak in spring and late summer. Run: python3 generate-interactions.py
"""
import datetime as dt
import random

random.seed(2025)
TOUCHPOINTS = {
    "web-booking": "8f0e9a3c-0001-4000-8000-000000000001",
    "phone-question": "8f0e9a3c-0002-4000-8000-000000000002",
    "trip": "8f0e9a3c-0003-4000-8000-000000000003",
    "email-after-trip": "8f0e9a3c-0004-4000-8000-000000000004",
    "app-route": "8f0e9a3c-0005-4000-8000-000000000005",
}
START = dt.datetime(2025, 1, 1)
MONTH_WEIGHT = [2, 2, 4, 8, 10, 9, 7, 8, 10, 7, 3, 2]


def trip_start():
    month = random.choices(range(1, 13), weights=MONTH_WEIGHT)[0]
    day = random.randint(1, 28)
    return dt.datetime(2025, month, day, 9, 0)


def at(day, hours, weights):
    hour = random.choices(hours, weights=weights)[0]
    return day.replace(hour=hour, minute=random.randint(0, 59), second=random.randint(0, 59))


rows = []
for c in range(1, 1501):
    customer = f"BP{c:05d}"
    trips = random.choices([1, 2, 3, 5, 8], weights=[55, 25, 12, 6, 2])[0]
    for _ in range(trips):
        start = trip_start()
        booked = start - dt.timedelta(days=random.randint(10, 90))
        if booked < START:
            booked = START + dt.timedelta(days=random.randint(0, 20))
        rows.append((at(booked, list(range(7, 24)), [1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 5, 6, 6, 4, 2]), customer, "web-booking"))
        if random.random() < 0.45:
            call = booked + dt.timedelta(days=random.randint(1, 8))
            while call.weekday() == 6:
                call += dt.timedelta(days=1)
            rows.append((at(call, list(range(9, 18)), [3, 4, 4, 3, 2, 3, 3, 2, 1]), customer, "phone-question"))
        for d in range(random.choice([2, 3, 5])):
            rows.append((at(start + dt.timedelta(days=d), [9, 10, 11], [1, 2, 1]), customer, "trip"))
            if random.random() < 0.3:
                rows.append((at(start + dt.timedelta(days=d), [12, 13, 14, 15], [1, 1, 1, 1]), customer, "app-route"))
        if random.random() < 0.2:
            mail = start + dt.timedelta(days=random.randint(6, 20))
            rows.append((at(mail, list(range(8, 23)), [1] * 15), customer, "email-after-trip"))

rows = [r for r in rows if r[0].year == 2025]
rows.sort()
with open("interactions-2025.csv", "w", encoding="utf-8") as out:
    out.write("time,customer,touchpoint\n")
    for time, customer, touchpoint in rows:
        out.write(f"{time.isoformat()},{customer},{TOUCHPOINTS[touchpoint]}\n")
print(len(rows), "interactions")
