/**
 * Immutable requests and results of the unified API, with the states every engine maps onto.
 */
package io.flowport.core.model;
