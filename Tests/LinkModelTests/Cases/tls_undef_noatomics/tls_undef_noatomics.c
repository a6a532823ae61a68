extern _Thread_local int tcount;
int _start(void) { return tcount; }
