/**
 * The contract suite every client passes, and the targets it runs against.
 */
package io.flowport.testkit.contract;
