/*
 * reports.fcgi is two files: reports.c (the dashboard, snapshots, KPI
 * pages, decision log and the route table) and report_engagement.c (the
 * policy engagement report).
 */
#ifndef TRACKER_CGI_REPORTS_H
#define TRACKER_CGI_REPORTS_H

struct ctx;

/* GET /reports/engagement?from=&to=[&format=csv|json] */
void	report_engagement_get(struct ctx *);

#endif
