/* Resolves pv_init's arguments, pv_options and PROVSCOPE_* environment variables into pv_state. */
#ifndef PV_SETTINGS_H
#define PV_SETTINGS_H
#include "internal.h"

int pv_settings_resolve(pv_state *s, const char *url, const char *token, const char *pipeline, const char *stage,
                        const char *execution, int rank, const pv_options *opts);
void pv_settings_free(pv_state *s);

#endif
