#ifndef TASKER_LOGSCAN_CZSTD_SHIM_H
#define TASKER_LOGSCAN_CZSTD_SHIM_H
#include <zstd.h>
#endif
