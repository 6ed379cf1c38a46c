/**
 * Credentials that add headers to each attempt (basic, token headers, bearer); they never show their secrets.
 */
package io.flowport.core.auth;
