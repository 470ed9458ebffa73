-- A store day's totals are added up from its sale and return rows when a Z-report is asked for
-- (SettlementService). The running totals, updated under a lock on the day's row by every sale of
-- the store, go: settlement_day keeps the day's currency and whether it is closed.
drop table settlement_card_batch;
drop table settlement_tender_total;
alter table settlement_day drop column sales_count;
alter table settlement_day drop column returns_count;
alter table settlement_day drop column gross_sales;
alter table settlement_day drop column discount_total;
alter table settlement_day drop column sales_tax;
alter table settlement_day drop column returns_net;
alter table settlement_day drop column returns_tax;
