-- Agents as a cost of a split (groups): what an hour of an agent costs, the service level the organisation staffs its
-- phone line for ("80 % within 20 seconds") and, optionally, the handle time of a call (else demand's measured one).
-- Set by administrators with the split's other costs; no personal data.
alter table groups_split_setting add column agent_hourly_cost double precision;
alter table groups_split_setting add column service_share double precision;
alter table groups_split_setting add column service_seconds double precision;
alter table groups_split_setting add column aht_seconds double precision;
