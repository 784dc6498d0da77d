# The course's producer-v3.py: publishes an event to the fanout exchange "business_events".
# The only difference from the course: the port comes from AMQP_PORT (default 5672).
import os

import pika

connection = pika.BlockingConnection(
    pika.ConnectionParameters(host='localhost', port=int(os.environ.get('AMQP_PORT', '5672'))))
channel = connection.channel()

channel.exchange_declare(exchange='business_events', exchange_type='fanout')

message = 'BUYER_ARRIVED_ID'
channel.basic_publish(exchange='business_events', routing_key='', body=message)
print(f"{message} happened.")

connection.close()
