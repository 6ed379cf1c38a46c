/**
 * One OkHttp and Jackson transport that every REST adapter uses: encoded paths, credentials per attempt, error bodies read safely, cancellation on the wire.
 */
package io.flowport.rest;
