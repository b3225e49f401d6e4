#ifndef TASKER_LOGSCAN_CBZIP2_SHIM_H
#define TASKER_LOGSCAN_CBZIP2_SHIM_H
#include <bzlib.h>
#endif
