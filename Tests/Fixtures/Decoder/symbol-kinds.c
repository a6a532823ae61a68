// Every kind of symbol a C compiler puts in a wasm object: defined and undefined functions
// and data, weak and strong, local, hidden, exported, kept, explicitly imported, with
// constructors and address-taken functions (table relocations) and data relocations.

extern int undefined_function(int);
extern int undefined_data;
extern void weak_undefined_function(void) __attribute__((weak));
extern int weak_undefined_data __attribute__((weak));
__attribute__((import_module("host"), import_name("log"))) void host_log(int);
__attribute__((import_module("host"))) void module_only(int);
__attribute__((import_name("renamed"))) void name_only(void);

int defined_data = 42;
const char message[] = "hello, wasm";
static int local_data[4] = {1, 2, 3, 4};
int *pointer_to_data = &defined_data;
int weak_defined_data __attribute__((weak)) = 7;

static int local_function(int x) { return x * 3 + local_data[x & 3]; }
__attribute__((weak)) int weak_defined_function(int x) { return x + 1; }
__attribute__((visibility("default"))) int default_visibility(int x) { return x - 1; }
__attribute__((used)) static int kept_function(void) { return 5; }
__attribute__((export_name("exported"))) int exported_function(void) { return defined_data; }
__attribute__((constructor(101))) static void early_constructor(void) { defined_data++; }
__attribute__((constructor)) static void constructor(void) { defined_data += 2; }

typedef int (*callback)(int);
callback callbacks[] = {local_function, weak_defined_function};

int use_everything(int x) {
    host_log(x);
    module_only(x);
    name_only();
    if (weak_undefined_function) weak_undefined_function();
    int total = undefined_function(x) + undefined_data + message[x & 7];
    total += weak_undefined_data ? 1 : 0;
    callback pick = x ? local_function : default_visibility;
    return total + pick(x) + callbacks[x & 1](x) + *pointer_to_data + weak_defined_data;
}
