/** Implementation of the blocking client; not API, may change without notice. */
package io.flowport.sync.internal;
