void one_missing(void);
extern int data_missing;
void one(void) { one_missing(); }
int two(void) { return data_missing; }
